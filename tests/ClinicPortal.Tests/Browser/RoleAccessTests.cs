using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class RoleAccessTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    // Either Identity's /Account/AccessDenied page or a message rendered in place of the page.
    [GeneratedRegex("access denied|do not have access|not authori[sz]ed", RegexOptions.IgnoreCase)]
    private static partial Regex AccessDeniedText();

    [Theory]
    [InlineData("/admin/share-log")]
    [InlineData("/psychologist/patients")]
    public Task StaffPage_OpenedByPatient_IsDenied(string path) => fixture.RunAsync(output, async session =>
    {
        var patient = await session.SignInAsync(DemoAccounts.PatientEmail);

        await patient.GotoAsync(path);

        await Expect(patient.Page.GetByText(AccessDeniedText()).First).ToBeVisibleAsync();
    }, testName: $"{nameof(StaffPage_OpenedByPatient_IsDenied)}{path.Replace('/', '-')}");
}
