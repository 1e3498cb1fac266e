using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Components.Pages.Psychologist;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Psychologist;

public sealed class NoteEditorTests : ClinicComponentTestContext
{
    [Fact]
    public async Task Save_ClickedTwiceDuringSave_SavesOnce()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        SaveGate.Armed = true;

        var firstClick = page.Find("#save-note").ClickAsync(new MouseEventArgs());
        await SaveGate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.True(((IHtmlButtonElement)page.Find("#save-note")).IsDisabled));
        var secondClick = page.Find("#save-note").ClickAsync(new MouseEventArgs());
        SaveGate.Release();
        await Task.WhenAll(firstClick, secondClick);

        page.WaitForAssertion(() => Assert.Equal("Note saved.", page.Find("#note-saved").TextContent.Trim()));
        Assert.Equal(1, SaveGate.HeldSaves);
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
        Assert.False(((IHtmlButtonElement)page.Find("#save-note")).IsDisabled);
    }

    [Fact]
    public async Task Dispatch_SmsRejected_ShowsWarningWithCode()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        SmsSender.Failure = new SmsSendException("20003", SmsFailureKind.Permanent, "Authentication failed.");
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("Saving this note will send an update to Liam Thompson (Brother).", page.Find("#share-preview").TextContent.Trim());
        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        await page.Find("#save-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Note saved.", page.Find("#note-saved").TextContent.Trim()));
        Assert.Equal("An update will be sent to Liam Thompson.", page.Find("#share-decision").TextContent.Trim());
        Assert.Empty(page.FindAll("#share-outcome"));

        var handled = await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, handled);
        page.WaitForAssertion(() => Assert.Equal(
            "Note saved, but the update to the emergency contact was not sent (error 20003).",
            Normalize(page.Find("#share-outcome").TextContent)));
        Assert.Equal("Note saved.", page.Find("#note-saved").TextContent.Trim());
    }

    [Fact]
    public async Task Dispatch_SmsAccepted_ShowsUpdateSent()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        await page.Find("#save-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Note saved.", page.Find("#note-saved").TextContent.Trim()));

        await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal("Update sent.", page.Find("#share-outcome").TextContent.Trim()));
        var message = Assert.Single(SmsSender.Sent);
        Assert.Equal("+61491570156", message.To);
    }

    [Fact]
    public async Task Preview_WhileTyping_ShowsExactSms()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");

        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.Find("#objective").Change("OBJECTIVE-NOT-SHARED");
        page.Find("#assessment").Change("ASSESSMENT-NOT-SHARED");
        page.Find("#plan").Input("Keep a sleep diary.");
        page.Find("#progress-rating").Change("7");

        // Written out rather than built with ProgressSummaryBuilder, so the test checks the text itself.
        var expected = string.Join(
            "\n",
            "Progress Update for Mia Thompson",
            "",
            "Session Date: December 4, 2026",
            "Progress Rating: 7/10",
            "",
            "General Update:",
            "Reports sleeping better since the last session.",
            "",
            "Next Steps:",
            "Keep a sleep diary.",
            "",
            "---",
            "This is an automated update. If you have concerns, please contact the clinic directly.");
        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("#sms-preview").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("To: *********156 · 276 characters · GSM-7 · 2 segments", page.Find("#sms-preview-facts").TextContent.Trim());
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
    }

    [Fact]
    public async Task Preview_NoConsent_ShowsNoSms()
    {
        var patientId = await SeedTreatedPatientAsync(consented: false);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");

        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        page.WaitForAssertion(() => Assert.Equal("Reports sleeping better since the last session.", page.Find("#subjective").GetAttribute("value")));
        Assert.Empty(page.FindAll("#sms-preview"));
        Assert.StartsWith("Saving this note will not send an update:", page.Find("#share-preview").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_NoConsent_SaysWhyNothingIsSent()
    {
        var patientId = await SeedTreatedPatientAsync(consented: false);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal(
            "Saving this note will not send an update: The patient has not consented to sharing progress with their emergency contact.",
            page.Find("#share-preview").TextContent.Trim());
        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        await page.Find("#save-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Note saved.", page.Find("#note-saved").TextContent.Trim()));
        Assert.Equal(
            "No update will be sent: The patient has not consented to sharing progress with their emergency contact.",
            page.Find("#share-decision").TextContent.Trim());
    }

    [Fact]
    public async Task Save_RatingAndSessionNumberInvalid_ShowsFieldMessages()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("1", page.Find("#session-number").GetAttribute("value"));
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.Find("#progress-rating").Change("11");
        page.Find("#session-number").Change("0");

        await page.Find("#save-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Enter a progress rating from 1 to 10, or leave it empty.", FieldMessage(page, "progress-rating")));
        Assert.Equal("Enter a session number of 1 or more.", FieldMessage(page, "session-number"));
        Assert.Null(FieldMessage(page, "subjective"));
        Assert.Empty(page.FindAll("#note-saved"));
        Assert.Equal("11", page.Find("#progress-rating").GetAttribute("value"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
    }

    [Fact]
    public async Task Save_DecimalRating_SavesNothing()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.Find("#progress-rating").Change("7.5");

        await page.Find("#save-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Nothing was saved: the session number and the progress rating must be whole numbers. Correct the field marked in red.",
            page.Find("#unreadable-numbers").TextContent.Trim()));
        Assert.Empty(page.FindAll("#note-saved"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
        Assert.Empty(SmsSender.Sent);
    }

    [Fact]
    public async Task Editor_PatientNotAssigned_ShowsAccessDenied()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson");
        SignIn(psychologistId, ClinicRoles.Psychologist);

        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));

        page.WaitForAssertion(() => Assert.Equal("You do not have access to this patient.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#save-note"));
    }

    private async Task<int> SeedTreatedPatientAsync(bool consented)
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson", consented: consented);
        await Data.AssignAsync(patientId, psychologistId);
        SignIn(psychologistId, ClinicRoles.Psychologist);
        return patientId;
    }

    /// <summary>Returns the error text MudBlazor shows under the input with the given id, or null when there is none.</summary>
    private static string? FieldMessage(IRenderedComponent<IComponent> page, string inputId)
    {
        var control = page.Find($"#{inputId}").Closest(".mud-input-control");
        var error = control?.QuerySelector(".mud-input-helper-text.mud-input-error");
        return error is null ? null : Normalize(error.TextContent);
    }

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
