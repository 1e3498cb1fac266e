using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Components.Pages.Psychologist;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Psychologist;

public sealed class PatientNotesTests : ClinicComponentTestContext
{
    private const string SessionNote = "Verbal consent in session after reading consent text 1.0.";
    private const string NoConsentSentence = "The patient has not consented to sharing progress with their emergency contact.";

    [Fact]
    public async Task RecordConsent_NoNote_ShowsFieldMessage()
    {
        var (patientId, _) = await SeedTreatedPatientAsync();
        var page = RenderPage<PatientNotes>(("PatientId", patientId));
        var dialogClosed = OpenRecordDialogAsync(page);

        await page.Find("#save-consent").ClickAsync(new());

        Assert.False(dialogClosed.IsCompleted);
        page.WaitForAssertion(() => Assert.Equal(
            "Describe how the patient gave or withdrew consent, for example \"Verbal consent in session after reading the consent text\".",
            FieldMessage(page, "consent-note")));
        Assert.Single(page.FindAll("#save-consent"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));
        Assert.Equal("No consent has been given or withdrawn yet.", page.Find("#consent-history-empty").TextContent.Trim());
        Assert.Equal(NoConsentSentence, page.Find("#sharing-summary").TextContent.Trim());
    }

    [Fact]
    public async Task RecordConsent_WithNote_WritesOneEntry()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync();
        var page = RenderPage<PatientNotes>(("PatientId", patientId));
        Assert.Equal(NoConsentSentence, page.WaitForElement("#sharing-summary").TextContent.Trim());
        var dialogClosed = OpenRecordDialogAsync(page);

        page.Find("#consent-note").Change(SessionNote);
        await page.Find("#save-consent").ClickAsync(new());

        await dialogClosed.WaitAsync(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#save-consent")));
        var entry = Assert.Single(await Data.QueryAsync(db => db.ConsentHistory.ToListAsync()));
        Assert.Equal(patientId, entry.PatientId);
        Assert.Equal(ConsentAction.Granted, entry.Action);
        Assert.Equal(ConsentMethod.RecordedInSession, entry.Method);
        Assert.Equal(SessionNote, entry.Note);
        Assert.Equal(psychologistId, entry.RecordedByUserId);
        Assert.Equal("1.0", entry.Version);
        Assert.Equal(Now.UtcDateTime, entry.RecordedAtUtc);

        page.WaitForAssertion(() => Assert.Equal("Updates go to Liam Thompson (Brother).", page.Find("#sharing-summary").TextContent.Trim()));
        var row = page.Find("#consent-history tbody tr.mud-table-row");
        Assert.Equal("04/12/2026 2:30 pm", Cell(row, "Date"));
        Assert.Equal("Consent given", Cell(row, "Action"));
        Assert.Equal("Recorded in session", Cell(row, "Method"));
        Assert.Equal("ava@clinicportal.test", Cell(row, "Recorded by"));
        Assert.Equal(SessionNote, Cell(row, "Note"));
    }

    [Fact]
    public async Task RecordConsent_Withdrawn_TurnsSharingOff()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync(consented: true);
        var page = RenderPage<PatientNotes>(("PatientId", patientId));
        Assert.Equal("Updates go to Liam Thompson (Brother).", page.WaitForElement("#sharing-summary").TextContent.Trim());
        var dialogClosed = OpenRecordDialogAsync(page);

        await page.FindAll("#consent-choice input[type='radio']")[1].ClickAsync(new());
        page.Find("#consent-note").Change("Patient asked in session to stop updates to her brother.");
        await page.Find("#save-consent").ClickAsync(new());

        await dialogClosed.WaitAsync(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Equal(NoConsentSentence, page.Find("#sharing-summary").TextContent.Trim()));
        var entries = await Data.QueryAsync(db => db.ConsentHistory.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal(ConsentAction.Withdrawn, entries[1].Action);
        Assert.Equal(ConsentMethod.RecordedInSession, entries[1].Method);
        Assert.Equal(psychologistId, entries[1].RecordedByUserId);
        Assert.Equal("Patient asked in session to stop updates to her brother.", entries[1].Note);
    }

    [Fact]
    public async Task Page_PatientNotAssigned_ShowsAccessDenied()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientId = await Data.AddPatientAsync(await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient), "Mia", "Thompson");
        SignIn(psychologistId, ClinicRoles.Psychologist);

        var page = RenderPage<PatientNotes>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Equal("You do not have access to this patient.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#record-consent"));
        Assert.Empty(page.FindAll("#shared-updates"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));
    }

    [Fact]
    public async Task RecordConsent_Unassigned_ShowsAccessDenied()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync();
        var page = RenderPage<PatientNotes>(("PatientId", patientId));
        var dialogClosed = OpenRecordDialogAsync(page);
        page.Find("#consent-note").Change(SessionNote);
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        await Services.GetRequiredService<PatientDirectoryService>().UnassignAsync(adminId, patientId, psychologistId);

        await page.Find("#save-consent").ClickAsync(new());

        Assert.False(dialogClosed.IsCompleted);
        page.WaitForAssertion(() => Assert.Equal(
            "You do not have access to this patient.", page.Find(".mud-dialog .mud-alert-message").TextContent.Trim()));
        Assert.Single(page.FindAll("#save-consent"));
        Assert.Equal(0, await Data.QueryAsync(db => db.ConsentHistory.CountAsync()));
        Assert.False(await Data.QueryAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.ShareProgressWithEmergencyContact).SingleAsync()));
    }

    [Fact]
    public async Task SharedUpdates_SentShare_MasksRecipient()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync(consented: true);
        var content = new ProgressNoteContent(Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "Keep the sleep diary.", 7);
        await Services.GetRequiredService<ProgressNoteService>().CreateAsync(psychologistId, patientId, content);
        await Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var sentText = Assert.Single(SmsSender.Sent).Body;

        var page = RenderPage<PatientNotes>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#shared-updates tbody tr.mud-table-row")));
        var row = page.Find("#shared-updates tbody tr.mud-table-row");
        Assert.Equal("04/12/2026 2:30 pm", Cell(row, "Date"));
        Assert.Equal("04/12/2026 1:30 pm", Cell(row, "Session date"));
        Assert.Equal("*********156", Cell(row, "Recipient"));
        Assert.Equal(nameof(ShareStatus.Queued), Cell(row, "Status"));
        Assert.Equal("", Cell(row, "Reason not sent"));
        Assert.Empty(page.FindAll("#shared-updates pre.share-message"));

        await page.FindAll("#shared-updates button").Single(button => button.TextContent.Trim() == "Show text").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(sentText, page.Find("#shared-updates pre.share-message").TextContent));
    }

    [Fact]
    public async Task SharedUpdates_SkippedShare_ShowsReason()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync();
        var content = new ProgressNoteContent(Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "", 7);
        await Services.GetRequiredService<ProgressNoteService>().CreateAsync(psychologistId, patientId, content);

        var page = RenderPage<PatientNotes>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#shared-updates tbody tr.mud-table-row")));
        var row = page.Find("#shared-updates tbody tr.mud-table-row");
        Assert.Equal(nameof(ShareStatus.Skipped), Cell(row, "Status"));
        Assert.Equal("", Cell(row, "Recipient"));
        Assert.Equal(NoConsentSentence, Cell(row, "Reason not sent"));
        Assert.Empty(row.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task Notes_ListAndChart_ShowStatusAndTrend()
    {
        var (patientId, psychologistId) = await SeedTreatedPatientAsync();
        var notes = Services.GetRequiredService<ProgressNoteService>();
        var first = await notes.CreateAsync(psychologistId, patientId, new ProgressNoteContent(Now.UtcDateTime.AddDays(-7), 1, "Week one.", "", "", "", 5));
        await notes.CreateAsync(psychologistId, patientId, new ProgressNoteContent(Now.UtcDateTime.AddHours(-2), 2, "Week two.", "", "", "", 7));
        await Services.GetRequiredService<NoteSigningService>().AddAddendumAsync(psychologistId, first.NoteId, "Rating corrected.");
        await Services.GetRequiredService<NoteDraftService>().SaveAsync(psychologistId, patientId, null, new ProgressNoteContent(Now.UtcDateTime, 3, "Week three, unfinished.", "", "", "", 9));

        var page = RenderPage<PatientNotes>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#note-list tbody tr.mud-table-row").Count));
        var statuses = page.FindAll("#note-list td[data-label='Status']").Select(cell => cell.TextContent.Trim());
        Assert.Equal(["Draft", "Signed", "Signed, 1 addendum"], statuses);
        Assert.Equal(["Continue draft", "Open", "Open"], page.FindAll("#note-list td[data-label='Note'] a").Select(link => link.TextContent.Trim()));
        Assert.Equal(["9", "7", "5"], page.FindAll("#note-list td[data-label='Rating']").Select(cell => cell.TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal(
            "Progress rating by session date: 27/11/2026 5, 4/12/2026 7",
            page.Find("#rating-trend").GetAttribute("aria-label")));
        Assert.NotEmpty(page.FindAll("#rating-trend svg"));
    }

    [Fact]
    public async Task Chart_NoSignedRatings_SaysSo()
    {
        var (patientId, _) = await SeedTreatedPatientAsync();

        var page = RenderPage<PatientNotes>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Equal("No signed note has a progress rating yet.", page.Find("#rating-trend-empty").TextContent.Trim()));
        Assert.Equal("No notes yet.", page.Find("#note-list .mud-table-empty-row").TextContent.Trim());
    }

    private async Task<(int PatientId, string PsychologistId)> SeedTreatedPatientAsync(bool consented = false)
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson", consented: consented);
        await Data.AssignAsync(patientId, psychologistId);
        SignIn(psychologistId, ClinicRoles.Psychologist);
        return (patientId, psychologistId);
    }

    /// <summary>
    /// Clicks the record button and waits for the dialog. Returns the click's task, which completes
    /// only when the dialog closes, because the handler awaits the dialog's result.
    /// </summary>
    private static Task OpenRecordDialogAsync(IRenderedComponent<IComponent> page)
    {
        var click = page.WaitForElement("#record-consent").ClickAsync(new());
        page.WaitForElement("#consent-note");
        return click;
    }

    private static string Cell(AngleSharp.Dom.IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    /// <summary>
    /// Returns the error text MudBlazor shows under the input with the given id, or null when there
    /// is none. With a character counter, the message is the first of two parts of the helper line.
    /// </summary>
    private static string? FieldMessage(IRenderedComponent<IComponent> page, string inputId)
    {
        var control = page.Find($"#{inputId}").Closest(".mud-input-control");
        var error = control?.QuerySelector(".mud-input-helper-text.mud-input-error");
        var message = error?.QuerySelector(".me-auto") ?? error;
        return message is null ? null : string.Join(" ", message.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
