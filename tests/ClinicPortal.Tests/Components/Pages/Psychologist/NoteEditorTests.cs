using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
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
    public async Task Sign_ClickedTwiceDuringSign_SignsOnce()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        SaveGate.Armed = true;

        var firstClick = page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        await SaveGate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.True(((IHtmlButtonElement)page.Find("#sign-note")).IsDisabled));
        var secondClick = page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        Assert.True(((IHtmlButtonElement)page.Find("#sign-note")).IsDisabled);
        SaveGate.Release();
        await Task.WhenAll(firstClick, secondClick);
        SaveGate.Armed = false;

        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        var handled = await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);
        // Two saves passed the gate: the signature, then the access log entry of reading the signed note back.
        Assert.Equal(2, SaveGate.HeldSaves);
        Assert.Equal(1, await Data.QueryAsync(db => db.AccessLog.CountAsync()));
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
        Assert.Equal(1, handled);
        Assert.Single(SmsSender.Sent);
        Assert.Empty(page.FindAll("#sign-note"));
    }

    [Fact]
    public async Task Dispatch_SmsRejected_ShowsWarningWithCode()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        SmsSender.Failure = new SmsSendException("20003", SmsFailureKind.Permanent, "Authentication failed.");
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("Signing this note will send an update to Liam Thompson (Brother).", page.Find("#share-preview").TextContent.Trim());
        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        Assert.Equal("An update will be sent to Liam Thompson.", page.Find("#share-decision").TextContent.Trim());
        Assert.Empty(page.FindAll("#share-outcome"));

        var handled = await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, handled);
        page.WaitForAssertion(() => Assert.Equal(
            "Note saved, but the update to the emergency contact was not sent (error 20003).",
            Normalize(page.Find("#share-outcome").TextContent)));
        Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim());
    }

    [Fact]
    public async Task Dispatch_SmsAccepted_ShowsUpdateSent()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));

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

        // The draft may have autosaved by now, but a preview never signs or shares anything.
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync(n => n.SignedAtUtc != null)));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
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
        Assert.StartsWith("Signing this note will not send an update:", page.Find("#share-preview").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_NoConsent_SaysWhyNothingIsSent()
    {
        var patientId = await SeedTreatedPatientAsync(consented: false);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal(
            "Signing this note will not send an update: The patient has not consented to sharing progress with their emergency contact.",
            page.Find("#share-preview").TextContent.Trim());
        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        Assert.Equal(
            "No update will be sent: The patient has not consented to sharing progress with their emergency contact.",
            page.Find("#share-decision").TextContent.Trim());
    }

    [Fact]
    public async Task Sign_RatingAndSessionNumberInvalid_ShowsFieldMessages()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("1", page.Find("#session-number").GetAttribute("value"));
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.Find("#progress-rating").Change("11");
        page.Find("#session-number").Change("0");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Enter a progress rating from 1 to 10, or leave it empty.", FieldMessage(page, "progress-rating")));
        Assert.Equal("Enter a session number of 1 or more.", FieldMessage(page, "session-number"));
        Assert.Null(FieldMessage(page, "subjective"));
        Assert.Empty(page.FindAll("#note-signed"));
        Assert.Equal("11", page.Find("#progress-rating").GetAttribute("value"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
    }

    [Fact]
    public async Task Sign_DecimalRating_SignsNothing()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.Find("#progress-rating").Change("7.5");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Nothing was saved: the session number and the progress rating must be whole numbers. Correct the field marked in red.",
            page.Find("#unreadable-numbers").TextContent.Trim()));
        Assert.Empty(page.FindAll("#note-signed"));
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
        Assert.Empty(page.FindAll("#sign-note"));
    }

    [Fact]
    public async Task Autosave_AfterTyping_ShowsSavedTime()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("Not saved yet: the draft saves itself a few seconds after you type.", page.Find("#draft-status").TextContent.Trim());

        page.Find("#subjective").Input("Reports sleeping better since the last session.");

        // The clock reads 2:30 pm in Sydney throughout the test.
        page.WaitForAssertion(() => Assert.Equal("Draft saved at 2:30 pm", page.Find("#draft-status").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var draft = Assert.Single(await Data.QueryAsync(db => db.ProgressNotes.ToListAsync()));
        Assert.Equal("Reports sleeping better since the last session.", draft.Subjective);
        Assert.False(draft.IsSigned);
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
        Assert.Empty(SmsSender.Sent);
        Assert.Single(page.FindAll("#discard-draft"));
    }

    [Fact]
    public async Task Discard_SavedDraft_DeletesAndReturns()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Empty(page.FindAll("#discard-draft"));
        page.Find("#assessment").Change("Too early to judge.");

        await page.Find("#save-draft").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Draft saved at 2:30 pm", page.Find("#draft-status").TextContent.Trim()));
        Assert.Equal("Too early to judge.", Assert.Single(await Data.QueryAsync(db => db.ProgressNotes.ToListAsync())).Assessment);
        await page.Find("#discard-draft").ClickAsync(new MouseEventArgs());

        // Leaving the page first runs the editor's save-before-leaving handler, so the address changes a moment later.
        page.WaitForAssertion(() => Assert.Equal($"http://localhost/psychologist/patients/{patientId}", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
    }

    [Fact]
    public async Task Leaving_BeforeAutosave_SavesDraft()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#objective").Change("Calm and engaged.");

        await page.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo($"psychologist/patients/{patientId}"));

        var draft = Assert.Single(await Data.QueryAsync(db => db.ProgressNotes.ToListAsync()));
        Assert.Equal("Calm and engaged.", draft.Objective);
        Assert.False(draft.IsSigned);
    }

    [Fact]
    public async Task Autosave_ThenSign_SignsTheSameDraft()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        page.WaitForAssertion(() => Assert.Equal("Draft saved at 2:30 pm", page.Find("#draft-status").TextContent.Trim()), TimeSpan.FromSeconds(10));
        page.Find("#plan").Input("Keep a sleep diary.");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        var note = Assert.Single(await Data.QueryAsync(db => db.ProgressNotes.ToListAsync()));
        Assert.True(note.IsSigned);
        Assert.Equal("Keep a sleep diary.", note.Plan);
        var share = Assert.Single(await Data.QueryAsync(db => db.ProgressShares.ToListAsync()));
        Assert.Equal(note.Id, share.NoteId);
    }

    [Fact]
    public async Task Preview_TextChanges_FollowsLatestText()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");

        page.Find("#subjective").Input("First version of the update.");
        page.WaitForAssertion(() => Assert.Contains("First version of the update.", page.Find("#sms-preview").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        var firstFacts = page.Find("#sms-preview-facts").TextContent.Trim();
        page.Find("#subjective").Input("Second version, with café and a longer sentence than before.");

        page.WaitForAssertion(() => Assert.Contains("Second version, with café and a longer sentence than before.", page.Find("#sms-preview").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("First version", page.Find("#sms-preview").TextContent, StringComparison.Ordinal);
        Assert.Equal("To: *********156 · 202 characters · GSM-7 · 2 segments", firstFacts);
        Assert.Equal("To: *********156 · 234 characters · GSM-7 · 2 segments", page.Find("#sms-preview-facts").TextContent.Trim());
    }

    [Fact]
    public async Task Withhold_WithReason_SignsWithoutSharing()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Disclosed risk information that must stay in the clinic.");

        CheckBoxInput(page, "withhold-share").Change(true);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#sms-preview")));
        Assert.Equal(
            "Signing this note will not send an update: The psychologist decided not to share this update.",
            page.Find("#share-preview").TextContent.Trim());
        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal(
            "Enter why this note is not shared. The reason is kept with the note for staff; the patient never sees it.",
            FieldMessage(page, "withheld-reason")));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
        page.Find("#withheld-reason").Input("Risk information in the subjective.");
        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        Assert.Equal("Reason recorded (staff only): Risk information in the subjective.", page.Find("#withheld-reason-shown").TextContent.Trim());
        var share = Assert.Single(await Data.QueryAsync(db => db.ProgressShares.ToListAsync()));
        Assert.Equal(ShareStatus.Skipped, share.Status);
        Assert.Equal(ShareReason.WithheldByClinician, share.Reason);
        Assert.Equal("Risk information in the subjective.", share.WithheldReason);
        Assert.Null(share.Message);
        Assert.Equal(0, await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None));
        Assert.Empty(SmsSender.Sent);
    }

    [Fact]
    public async Task SessionNumber_Duplicate_NeedsConfirmation()
    {
        var patientId = await SeedTreatedPatientAsync(consented: false);
        var psychologistId = await Data.QueryAsync(db => db.Users.Where(u => u.Email == "ava@clinicportal.test").Select(u => u.Id).SingleAsync());
        await Services.GetRequiredService<ProgressNoteService>().CreateAsync(psychologistId, patientId, new ProgressNoteContent(Now.UtcDateTime.AddDays(-7), 1, "Week one.", "", "", "", 5));
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        Assert.Equal("2", page.Find("#session-number").GetAttribute("value"));
        page.Find("#subjective").Input("Week two.");
        page.Find("#session-number").Change("1");

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "This patient already has a note for session 1. Check the session number, or tick the box below to sign another note for session 1.",
            Normalize(page.Find("#duplicate-session").TextContent)));
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressNotes.CountAsync(n => n.SignedAtUtc != null)));
        CheckBoxInput(page, "confirm-duplicate").Change(true);
        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Note signed.", page.Find("#note-signed").TextContent.Trim()));
        Assert.Equal(2, await Data.QueryAsync(db => db.ProgressNotes.CountAsync(n => n.SessionNumber == 1 && n.SignedAtUtc != null)));
    }

    [Fact]
    public async Task SignedNote_AddendumAndVerify_ShowUnderNote()
    {
        var patientId = await SeedTreatedPatientAsync(consented: false);
        var psychologistId = await Data.QueryAsync(db => db.Users.Where(u => u.Email == "ava@clinicportal.test").Select(u => u.Id).SingleAsync());
        var created = await Services.GetRequiredService<ProgressNoteService>().CreateAsync(
            psychologistId, patientId, new ProgressNoteContent(Now.UtcDateTime, 1, "Sleeping better.", "", "", "Keep a sleep diary.", 7));
        var page = RenderPage<NoteEditor>(("NoteId", (int?)created.NoteId));

        page.WaitForElement("#signed-by");
        Assert.Empty(page.FindAll("#sign-note"));
        Assert.Empty(page.FindAll("#subjective"));
        Assert.Equal("No addenda.", page.Find("#no-addenda").TextContent.Trim());
        page.Find("#addendum-text").Input("Rating corrected: 6, not 7.");
        await page.Find("#add-addendum").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("Rating corrected: 6, not 7.", page.Find("#addenda .addendum-text").TextContent.Trim()));
        await page.Find("#verify-record").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(
            "Record verified: the note and its addendum match the hashes recorded at signing.",
            page.Find("#verification").TextContent.Trim()));
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressNoteAddenda.CountAsync()));
        var read = Assert.Single(await Data.QueryAsync(db => db.AccessLog.ToListAsync()));
        Assert.Equal($"note {created.NoteId}", read.Subject);
        Assert.Equal(psychologistId, read.UserId);
        Assert.Equal(1, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
    }

    [Fact]
    public async Task Sign_AfterAssignmentRemoved_ShowsAccessDenied()
    {
        var patientId = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<NoteEditor>(("PatientId", (int?)patientId));
        page.WaitForElement("#subjective");
        page.Find("#subjective").Input("Reports sleeping better since the last session.");
        await Data.QueryAsync(db => db.PatientAssignments.ExecuteDeleteAsync());

        await page.Find("#sign-note").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("You do not have access to this patient.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#sign-note"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressNotes.CountAsync()));
        Assert.Equal(0, await Data.QueryAsync(db => db.ProgressShares.CountAsync()));
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

    /// <summary>Returns the checkbox input of the MudCheckBox with the given id, wherever MudBlazor puts the id.</summary>
    private static IElement CheckBoxInput(IRenderedComponent<IComponent> page, string id)
    {
        var element = page.Find($"#{id}");
        return element is IHtmlInputElement ? element : element.QuerySelector("input[type=checkbox]")!;
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
