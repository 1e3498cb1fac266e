using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// The whole sharing path through the browser: the patient consents, the psychologist saves a
/// note, the SMS lands in the development outbox, and the share appears in the admin's share log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressSharingJourneyTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan DispatchTimeout = TimeSpan.FromSeconds(20);

    private const string Subjective = "Mia reports sleeping better and has returned to her morning walks.";
    private const string Objective = "Affect brighter than last session. OBJECTIVE-NOT-SHARED";
    private const string Assessment = "Depressive symptoms easing. ASSESSMENT-NOT-SHARED";
    private const string Plan = "Keep a sleep diary. Next session in two weeks.";

    [Fact]
    public Task SharingJourney_NoteAfterConsent_IsSentAndLogged() => fixture.RunAsync(output, async session =>
    {
        var outbox = new DevelopmentOutboxReader(session.Portal.ConnectionString);

        // The demo patient has an emergency contact but starts with sharing off.
        var patient = await session.SignInAsync(DemoAccounts.PatientEmail);
        await patient.GotoInteractiveAsync("/patient/preferences");
        var shareSwitch = patient.Page.GetByLabel("Share progress with emergency contact");
        await Expect(shareSwitch).Not.ToBeCheckedAsync();
        await shareSwitch.ClickAsync();
        var consentDialog = patient.Page.GetByRole(AriaRole.Dialog);
        await consentDialog.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await Expect(consentDialog).ToBeHiddenAsync();
        await Expect(shareSwitch).ToBeCheckedAsync();

        var lastOutboxId = await outbox.GetLastIdAsync();

        var psychologist = await session.SignInAsync(DemoAccounts.PsychologistEmail);
        await psychologist.GotoInteractiveAsync("/psychologist/patients");
        var page = psychologist.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Mia Thompson" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New note" })
            .Or(page.GetByRole(AriaRole.Button, new() { Name = "New note" }))
            .ClickAsync();
        await page.GetByLabel("Subjective").FillAsync(Subjective);
        await page.GetByLabel("Objective").FillAsync(Objective);
        await page.GetByLabel("Assessment").FillAsync(Assessment);
        await page.GetByLabel("Plan").FillAsync(Plan);
        await page.GetByLabel("Progress rating").FillAsync("7");
        // NOTE: the session date is left at the editor's default, assumed to be today in the clinic's time zone.
        var sessionDate = TodayInClinicTimeZone();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();

        var sms = await outbox.WaitForMessageAfterAsync(lastOutboxId, DispatchTimeout);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, sms.To);
        Assert.Equal(ExpectedSms(sessionDate), sms.Body);
        Assert.DoesNotContain("OBJECTIVE-NOT-SHARED", sms.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ASSESSMENT-NOT-SHARED", sms.Body, StringComparison.Ordinal);

        var admin = await session.SignInAsync(DemoAccounts.AdminEmail);
        await admin.GotoInteractiveAsync("/admin/share-log");
        var shareRows = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mia Thompson" });
        await Expect(shareRows).ToHaveCountAsync(1);
        await Expect(shareRows).ToContainTextAsync("Sent");
    });

    private static DateOnly TodayInClinicTimeZone()
    {
        var clinicTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, clinicTimeZone).DateTime);
    }

    // Written out in full rather than built with ProgressSummaryBuilder, so the test checks the
    // text a contact receives and not the builder against itself.
    private static string ExpectedSms(DateOnly sessionDate) => string.Join(
        "\n",
        "Progress Update for Mia Thompson",
        "",
        "Session Date: " + sessionDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        "Progress Rating: 7/10",
        "",
        "General Update:",
        Subjective,
        "",
        "Next Steps:",
        Plan,
        "",
        "---",
        "This is an automated update. If you have concerns, please contact the clinic directly.");
}
