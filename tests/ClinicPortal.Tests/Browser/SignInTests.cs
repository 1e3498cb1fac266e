using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    // Sign-in writes the auth cookie, so the login POST needs a real HTTP redirect response.
    // Writing the cookie after the response has started fails with "Headers are read-only".
    [Fact]
    public Task SignIn_WithPatientAccount_RedirectsToSignedInPage() => fixture.RunAsync(output, async session =>
    {
        var patient = await session.OpenPageAsync();

        var signInResponse = await patient.SignInAsync(DemoAccounts.PatientEmail, DemoAccounts.Password);

        Assert.Equal(302, signInResponse.Status);
        await Expect(patient.Page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.PatientEmail })).ToBeVisibleAsync();
        await Expect(patient.Page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        Assert.DoesNotContain("Headers are read-only", fixture.Portal.Output, StringComparison.OrdinalIgnoreCase);
    });
}
