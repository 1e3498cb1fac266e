using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
    [InlineData(DemoAccounts.PatientEmail, "/admin/share-log")]
    [InlineData(DemoAccounts.PatientEmail, "/psychologist/patients")]
    [InlineData(DemoAccounts.PatientEmail, "/psychologist/patients/1")]
    [InlineData(DemoAccounts.PatientEmail, "/psychologist/patients/1/notes/new")]
    [InlineData(DemoAccounts.PsychologistEmail, "/admin/share-log")]
    [InlineData(DemoAccounts.PsychologistEmail, "/patient/preferences")]
    [InlineData(DemoAccounts.AdminEmail, "/psychologist/patients")]
    public Task Page_OpenedByOtherRole_IsDenied(string email, string path) => fixture.RunAsync(output, async session =>
    {
        var user = await session.SignInAsync(email);

        await user.GotoAsync(path);

        await Expect(user.Page.GetByText(AccessDeniedText()).First).ToBeVisibleAsync();
        await Expect(user.Page.Locator("#save-note")).ToHaveCountAsync(0);
    }, testName: $"{nameof(Page_OpenedByOtherRole_IsDenied)}-{email.Split('@')[0]}{path.Replace('/', '-')}");

    [Fact]
    public Task StaffPage_OpenedSignedOut_RedirectsToLogin() => fixture.RunAsync(output, async session =>
    {
        var visitor = await session.OpenPageAsync();

        await visitor.GotoAsync("/psychologist/patients");

        await Expect(visitor.Page).ToHaveURLAsync(new Regex("/Account/Login\\?", RegexOptions.IgnoreCase));
        await Expect(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task UnassignedPatient_OpenedByPsychologist_IsDenied() => fixture.RunAsync(output, async session =>
    {
        var patient = new NewPatient("Leo", "Garcia");
        await PatientSteps.RegisterAsync(session, patient);
        var patientId = await new PortalDatabase(session.Portal.ConnectionString).GetPatientIdAsync(patient.Email);
        var psychologist = await session.SignInAsync(DemoAccounts.PsychologistEmail);

        await psychologist.GotoInteractiveAsync("/psychologist/patients");
        await Expect(psychologist.Page.GetByRole(AriaRole.Link, new() { Name = "Mia Thompson" })).ToBeVisibleAsync();
        await Expect(psychologist.Page.GetByRole(AriaRole.Link, new() { Name = patient.FullName })).ToHaveCountAsync(0);

        await psychologist.GotoInteractiveAsync($"/psychologist/patients/{patientId}");
        await Expect(psychologist.Page.GetByText("You do not have access to this patient.")).ToBeVisibleAsync();
        await Expect(psychologist.Page.GetByText(patient.FullName)).ToHaveCountAsync(0);

        await psychologist.GotoInteractiveAsync($"/psychologist/patients/{patientId}/notes/new");
        await Expect(psychologist.Page.GetByText("You do not have access to this patient.")).ToBeVisibleAsync();
        await Expect(psychologist.Page.Locator("#save-note")).ToHaveCountAsync(0);
    });
}
