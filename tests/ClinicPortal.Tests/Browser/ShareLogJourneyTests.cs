using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>The admin finds the update about a new note in the share log and reads the text that was sent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLogJourneyTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan DispatchTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public Task ShareLog_AfterNote_ShowsTextAndStatus() => fixture.RunAsync(output, async session =>
    {
        var patient = new NewPatient("Isla", "Moreno");
        await PatientSteps.RegisterConsentingPatientAsync(session, patient);
        var database = new PortalDatabase(session.Portal.ConnectionString);
        await database.AssignAsync(await database.GetPatientIdAsync(patient.Email), DemoAccounts.PsychologistEmail);
        var requestsBefore = fixture.Twilio.Requests.Count;
        var psychologist = await session.SignInAsync(DemoAccounts.PsychologistEmail);
        var preview = await PsychologistSteps.WriteNoteAsync(psychologist, patient.FullName);
        await fixture.Twilio.WaitForRequestsAsync(requestsBefore + 1, DispatchTimeout);

        var admin = await session.SignInAsync(DemoAccounts.AdminEmail);
        await admin.GotoInteractiveAsync("/admin/share-log");
        var shareRow = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = patient.FullName });
        await Expect(shareRow).ToHaveCountAsync(1);
        // The fake Twilio server accepts each message as "queued", and no delivery callback follows.
        await Expect(shareRow).ToContainTextAsync("Queued");
        await Expect(shareRow).ToContainTextAsync("*********156");

        await shareRow.GetByRole(AriaRole.Button, new() { Name = "Show text" }).ClickAsync();
        var sentText = admin.Page.Locator("pre.share-message");
        await Expect(sentText).ToBeVisibleAsync();
        Assert.Equal(preview.Text, await sentText.TextContentAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(admin.Page);

        await shareRow.GetByRole(AriaRole.Button, new() { Name = "Hide text" }).ClickAsync();
        await Expect(sentText).ToBeHiddenAsync();
    });
}
