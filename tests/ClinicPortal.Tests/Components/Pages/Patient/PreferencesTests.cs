using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Web.Components.Pages.Patient;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Components.Pages.Patient;

public sealed class PreferencesTests : ClinicComponentTestContext
{
    [Fact]
    public async Task ConsentSwitch_CancelThenAgree_RecordsOneConsent()
    {
        var userId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(userId, "Mia", "Thompson");
        SignIn(userId, ClinicRoles.Patient);
        var page = RenderPage<Preferences>();
        page.WaitForElement("input.mud-switch-input");

        page.Find("input.mud-switch-input").Change(true);
        page.WaitForAssertion(() => Assert.Equal(ExpectedConsentText, DialogText(page)));
        Assert.Equal("Consent version 1.0", page.Find(".mud-dialog .mud-typography-caption").TextContent.Trim());

        ClickDialogButton(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.False(SwitchIsOn(page));
        Assert.Equal(0, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));

        page.Find("input.mud-switch-input").Change(true);
        page.WaitForAssertion(() => Assert.Equal(ExpectedConsentText, DialogText(page)));
        ClickDialogButton(page, "I agree");

        page.WaitForAssertion(() => Assert.Equal(
            "Updates go to Liam Thompson. You consented on 4 December 2026 (consent version 1.0).",
            Normalize(page.Find("#consent-details").TextContent)));
        Assert.True(SwitchIsOn(page));
        Assert.Empty(page.FindAll(".mud-dialog"));

        var history = await Data.QueryAsync(db => db.ConsentHistory.ToListAsync());
        var entry = Assert.Single(history);
        Assert.Equal(patientId, entry.PatientId);
        Assert.Equal("1.0", entry.Version);
        Assert.Equal(Now.UtcDateTime, entry.RecordedAtUtc);

        var patient = await Data.QueryAsync(db => db.Patients.SingleAsync(p => p.Id == patientId));
        Assert.True(patient.ShareProgressWithEmergencyContact);
        Assert.Equal(Now.UtcDateTime, patient.ConsentDateUtc);
        Assert.Equal("1.0", patient.ConsentVersion);
    }

    [Fact]
    public async Task ConsentSwitch_TurnedOff_WithdrawsAtOnce()
    {
        var userId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(userId, "Mia", "Thompson", consented: true);
        SignIn(userId, ClinicRoles.Patient);
        var page = RenderPage<Preferences>();
        page.WaitForAssertion(() => Assert.True(SwitchIsOn(page)));

        page.Find("input.mud-switch-input").Change(false);

        page.WaitForAssertion(() => Assert.False(SwitchIsOn(page)));
        Assert.Empty(page.FindAll(".mud-dialog"));
        Assert.Empty(page.FindAll("#consent-details"));
        var patient = await Data.QueryAsync(db => db.Patients.SingleAsync(p => p.Id == patientId));
        Assert.False(patient.ShareProgressWithEmergencyContact);
        Assert.Equal(2, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));
    }

    [Fact]
    public async Task Preferences_NoEmergencyContact_DisablesSwitch()
    {
        var userId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        await Data.AddPatientAsync(userId, "Mia", "Thompson", withContact: false);
        SignIn(userId, ClinicRoles.Patient);

        var page = RenderPage<Preferences>();

        page.WaitForElement("input.mud-switch-input");
        Assert.True(((IHtmlInputElement)page.Find("input.mud-switch-input")).IsDisabled);
        Assert.Equal(
            "Sharing needs your emergency contact's mobile number, which is missing from your profile. Add it on My profile.",
            Normalize(page.Find(".mud-alert-message").TextContent));
        Assert.Equal("patient/profile", page.Find(".mud-alert-message a").GetAttribute("href"));
    }

    [Fact]
    public async Task Preferences_OlderConsentVersion_ShowsBannerUntilAgreed()
    {
        var userId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(userId, "Mia", "Thompson", consented: true, consentVersion: "0.9");
        SignIn(userId, ClinicRoles.Patient);
        var page = RenderPage<Preferences>();

        page.WaitForElement("#consent-out-of-date");
        Assert.StartsWith(
            "The consent terms have changed You agreed to version 0.9. Updates are paused until you agree to version 1.0:",
            Normalize(page.Find("#consent-out-of-date").TextContent));
        Assert.Equal(ExpectedConsentText, Normalize(page.Find("#consent-out-of-date .consent-text").TextContent));
        Assert.Empty(page.FindAll("#consent-details"));

        page.FindAll("#consent-out-of-date button").Single(button => Normalize(button.TextContent) == "I agree to version 1.0").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#consent-out-of-date")));
        Assert.Equal(
            "Updates go to Liam Thompson. You consented on 4 December 2026 (consent version 1.0).",
            Normalize(page.Find("#consent-details").TextContent));
        var versions = await Data.QueryAsync(db => db.ConsentHistory.Where(e => e.PatientId == patientId).OrderBy(e => e.Id).Select(e => e.Version).ToListAsync());
        Assert.Equal(["0.9", "1.0"], versions);
    }

    // The text of ConsentTexts/1.0.md as a reader sees it, paragraph after paragraph.
    private const string ExpectedConsentText =
        "If you turn this on, each progress note your psychologist writes after a session sends a short update to your emergency contact. " +
        "What each update contains: your name, the session date, your progress rating if your psychologist gave one, and the first part of the sections of the note about how you said you were going and the plan for the next steps. " +
        "What is never sent: your psychologist's observations, their assessment, or the full note. " +
        "How it is sent: by SMS to the emergency contact mobile number on your profile. Keep that number up to date. " +
        "Changing your mind: you can withdraw your consent at any time on this page. Withdrawing stops every update that has not been sent yet. Updates already sent cannot be recalled. You can see every update sent about you on the \"What has been shared\" page.";

    private static string DialogText(IRenderedComponent<IComponent> page) =>
        Normalize(page.Find(".mud-dialog .consent-text").TextContent);

    private static void ClickDialogButton(IRenderedComponent<IComponent> page, string text) =>
        page.FindAll(".mud-dialog-actions button").Single(button => Normalize(button.TextContent) == text).Click();

    private static bool SwitchIsOn(IRenderedComponent<IComponent> page) =>
        ((IHtmlInputElement)page.Find("input.mud-switch-input")).IsChecked;

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
