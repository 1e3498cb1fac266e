namespace ClinicPortal.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "Browser";
}
