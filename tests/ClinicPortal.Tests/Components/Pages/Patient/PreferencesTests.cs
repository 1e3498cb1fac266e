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
        page.WaitForAssertion(() => Assert.Equal(ConsentText.Paragraphs, DialogParagraphs(page)));
        Assert.Equal("Consent version 1.0", page.Find(".mud-dialog .mud-typography-caption").TextContent.Trim());

        ClickDialogButton(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.False(SwitchIsOn(page));
        Assert.Equal(0, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));

        page.Find("input.mud-switch-input").Change(true);
        page.WaitForAssertion(() => Assert.Equal(ConsentText.Paragraphs, DialogParagraphs(page)));
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

    private static List<string> DialogParagraphs(IRenderedComponent<IComponent> page) =>
        page.FindAll(".mud-dialog-content .mud-typography-body1").Select(p => Normalize(p.TextContent)).ToList();

    private static void ClickDialogButton(IRenderedComponent<IComponent> page, string text) =>
        page.FindAll(".mud-dialog-actions button").Single(button => Normalize(button.TextContent) == text).Click();

    private static bool SwitchIsOn(IRenderedComponent<IComponent> page) =>
        ((IHtmlInputElement)page.Find("input.mud-switch-input")).IsChecked;

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
