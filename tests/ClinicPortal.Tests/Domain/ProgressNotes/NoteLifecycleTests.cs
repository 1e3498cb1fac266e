using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.ProgressNotes;

/// <summary>Drafts, signing, the lock on signed notes at the service and database layers, addenda and their hashes.</summary>
public sealed class NoteLifecycleTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _psychologistId = "";
    private int _patientId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        string patientUserId;
        (_patientId, patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(patientUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Draft_SavedAndEdited_IsNeverShared()
    {
        var drafts = _database.CreateDraftService();

        var first = await drafts.SaveAsync(_psychologistId, _patientId, null, Content() with { Plan = "" });
        var second = await drafts.SaveAsync(_psychologistId, _patientId, first.NoteId, Content());
        var handled = await _database.CreateDispatcher(new RecordingSmsSender()).DispatchPendingAsync(CancellationToken.None);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var note = await db.ProgressNotes.SingleAsync();
        Assert.Equal(first.NoteId, second.NoteId);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, second.SavedAtUtc);
        Assert.Equal(Content().Plan, note.Plan);
        Assert.False(note.IsSigned);
        Assert.Null(note.ContentHash);
        Assert.Equal(0, await db.ProgressShares.CountAsync());
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task Draft_WithoutSoapText_IsSavedButNotSigned()
    {
        var empty = Content() with { Subjective = "", Objective = "", Assessment = "", Plan = "" };

        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, empty);
        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => Sign(draft.NoteId, empty));

        Assert.Equal(["Subjective"], error.Errors.Keys);
        Assert.Equal(0, await CountAsync("ProgressShares"));
    }

    [Fact]
    public async Task Draft_Discarded_IsDeleted()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());

        await _database.CreateDraftService().DiscardAsync(_psychologistId, draft.NoteId);

        Assert.Equal(0, await CountAsync("ProgressNotes"));
    }

    [Fact]
    public async Task Sign_RecordsSignerTimeAndHash()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());

        var signed = await Sign(draft.NoteId, Content());

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var note = await db.ProgressNotes.SingleAsync();
        Assert.Equal(draft.NoteId, signed.NoteId);
        Assert.Equal(ShareStatus.Pending, signed.ShareStatus);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, note.SignedAtUtc);
        Assert.Equal(_psychologistId, note.SignedByUserId);
        Assert.Equal(64, note.ContentHash!.Length);
        Assert.Equal(RecordHashing.HashNote(note), note.ContentHash);
    }

    [Fact]
    public async Task SignedNote_ServiceRejectsEditAndDiscard()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var drafts = _database.CreateDraftService();

        var edit = await Assert.ThrowsAsync<NoteLockedException>(() => drafts.UpdateAsync(_psychologistId, signed.NoteId, c => c with { Plan = "Changed." }));
        await Assert.ThrowsAsync<NoteLockedException>(() => drafts.SaveAsync(_psychologistId, _patientId, signed.NoteId, Content()));
        await Assert.ThrowsAsync<NoteLockedException>(() => drafts.DiscardAsync(_psychologistId, signed.NoteId));
        await Assert.ThrowsAsync<NoteLockedException>(() => Sign(signed.NoteId, Content()));

        Assert.Equal($"Progress note {signed.NoteId} is signed, so it cannot be changed or deleted. Add an addendum to correct it.", edit.Message);
        Assert.Equal(1, await CountAsync("ProgressNotes"));
        Assert.Equal(1, await CountAsync("ProgressShares"));
    }

    [Fact]
    public async Task SignedNote_DatabaseRejectsUpdateAndDelete()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlAsync($"UPDATE ProgressNotes SET Plan = 'Changed.' WHERE Id = {signed.NoteId}"));
        var delete = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlAsync($"DELETE FROM ProgressNotes WHERE Id = {signed.NoteId}"));
        var draftUpdated = await db.Database.ExecuteSqlAsync($"UPDATE ProgressNotes SET Plan = 'Changed.' WHERE Id = {draft.NoteId}");

        Assert.Contains("a signed note cannot be updated", update.Message, StringComparison.Ordinal);
        Assert.Contains("a signed note cannot be deleted", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, draftUpdated);
        Assert.Equal(Content().Plan, await db.ProgressNotes.Where(n => n.Id == signed.NoteId).Select(n => n.Plan).SingleAsync());
    }

    [Fact]
    public async Task Addenda_AreSignedHashedAndOrdered()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var signing = _database.CreateSigningService();

        var first = await signing.AddAddendumAsync(_psychologistId, signed.NoteId, "Rating corrected: 6, not 7.");
        var second = await signing.AddAddendumAsync(_psychologistId, signed.NoteId, "Diary started on 20 January.");
        var note = await _database.CreateNoteService().GetAsync(_psychologistId, signed.NoteId);
        var handled = await _database.CreateDispatcher(new RecordingSmsSender()).DispatchPendingAsync(CancellationToken.None);

        Assert.Equal([first.Id, second.Id], note.Addenda.Select(a => a.Id));
        Assert.Equal(["Rating corrected: 6, not 7.", "Diary started on 20 January."], note.Addenda.Select(a => a.Text));
        Assert.Equal("ava.patel@clinicportal.test", note.Addenda[0].Author);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, note.Addenda[0].CreatedAtUtc);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
        Assert.Equal(64, first.ContentHash.Length);
        Assert.Equal(1, handled);
        Assert.Equal(1, await CountAsync("ProgressShares"));
    }

    [Fact]
    public async Task Addendum_DatabaseRejectsUpdateAndDelete()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var addendum = await _database.CreateSigningService().AddAddendumAsync(_psychologistId, signed.NoteId, "Rating corrected: 6, not 7.");
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlAsync($"UPDATE ProgressNoteAddenda SET Text = 'Changed.' WHERE Id = {addendum.Id}"));
        var delete = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlAsync($"DELETE FROM ProgressNoteAddenda WHERE Id = {addendum.Id}"));

        Assert.Contains("addenda cannot be updated", update.Message, StringComparison.Ordinal);
        Assert.Contains("addenda cannot be deleted", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addendum_OnDraft_IsRejected()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateSigningService().AddAddendumAsync(_psychologistId, draft.NoteId, "Too early."));

        Assert.Equal($"Progress note {draft.NoteId} is a draft: edit the draft instead of adding an addendum.", error.Errors["Note"].Single());
    }

    [Fact]
    public async Task Addendum_EmptyText_NamesTextField()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateSigningService().AddAddendumAsync(_psychologistId, signed.NoteId, "  "));

        Assert.Equal("Write the correction or addition in the addendum text.", error.Errors["Text"].Single());
    }

    [Fact]
    public async Task Verify_UntouchedRecord_IsIntact()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        await _database.CreateSigningService().AddAddendumAsync(_psychologistId, signed.NoteId, "Rating corrected: 6, not 7.");

        var result = await _database.CreateVerificationService().VerifyAsync(_psychologistId, signed.NoteId);

        Assert.True(result.NoteMatches);
        Assert.Empty(result.MismatchedAddendumIds);
        Assert.Equal(1, result.AddendumCount);
        Assert.True(result.IsIntact);
    }

    [Fact]
    public async Task Verify_TamperedRecord_ReportsEachMismatch()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var signing = _database.CreateSigningService();
        var untouched = await signing.AddAddendumAsync(_psychologistId, signed.NoteId, "Rating corrected: 6, not 7.");
        var changed = await signing.AddAddendumAsync(_psychologistId, signed.NoteId, "Diary started on 20 January.");

        // Someone with direct access to the database file drops the guards and rewrites the record.
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER ProgressNotes_SignedNoUpdate; DROP TRIGGER ProgressNoteAddenda_NoUpdate;");
            await db.Database.ExecuteSqlAsync($"UPDATE ProgressNotes SET ProgressRating = 9 WHERE Id = {signed.NoteId}");
            await db.Database.ExecuteSqlAsync($"UPDATE ProgressNoteAddenda SET Text = 'Diary never started.' WHERE Id = {changed.Id}");
        }

        var result = await _database.CreateVerificationService().VerifyAsync(_psychologistId, signed.NoteId);

        Assert.False(result.NoteMatches);
        Assert.Equal([changed.Id], result.MismatchedAddendumIds);
        Assert.DoesNotContain(untouched.Id, result.MismatchedAddendumIds);
        Assert.False(result.IsIntact);
    }

    [Fact]
    public async Task Withheld_SkipsShareAndKeepsReason()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());
        var options = new SignOptions(ShareChoice.WithholdFor("Risk information in the subjective."));

        var signed = await _database.CreateSigningService().SignAsync(_psychologistId, _patientId, draft.NoteId, Content(), options);
        var sender = new RecordingSmsSender();
        var handled = await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var note = await _database.CreateNoteService().GetAsync(_psychologistId, signed.NoteId);

        Assert.Equal(ShareStatus.Skipped, signed.ShareStatus);
        Assert.Equal(ShareReason.WithheldByClinician, signed.ShareReason);
        Assert.Equal("Risk information in the subjective.", note.WithheldReason);
        Assert.Equal(0, handled);
        Assert.Empty(sender.Messages);
    }

    [Fact]
    public async Task Withheld_ReasonInAdminShareDetails()
    {
        var adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());
        var signed = await _database.CreateSigningService().SignAsync(
            _psychologistId, _patientId, draft.NoteId, Content(), new SignOptions(ShareChoice.WithholdFor("Risk information in the subjective.")));

        var details = await _database.CreateShareDetailsService().GetAsync(adminId, signed.ShareId);

        Assert.Equal(ShareReason.WithheldByClinician, details.Reason);
        Assert.Equal("Risk information in the subjective.", details.WithheldReason);
    }

    [Fact]
    public async Task Withheld_WithoutReason_NamesReasonField()
    {
        var options = new SignOptions(new ShareChoice(Withhold: true, WithheldReason: " "));

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateSigningService().SignAsync(_psychologistId, _patientId, null, Content(), options));

        Assert.Equal(["WithheldReason"], error.Errors.Keys);
        Assert.Equal(0, await CountAsync("ProgressNotes"));
    }

    [Fact]
    public async Task Sign_DuplicateSessionNumber_NeedsConfirmation()
    {
        await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());

        var duplicate = await Assert.ThrowsAsync<DuplicateSessionNumberException>(() => Sign(draft.NoteId, Content()));
        var confirmed = await _database.CreateSigningService().SignAsync(
            _psychologistId, _patientId, draft.NoteId, Content(), new SignOptions(ShareChoice.Share, AllowDuplicateSessionNumber: true));

        Assert.Equal(1, duplicate.SessionNumber);
        Assert.Equal(draft.NoteId, confirmed.NoteId);
        Assert.Equal(2, await CountAsync("ProgressShares"));
    }

    [Fact]
    public async Task Actions_AfterAssignmentRemoved_AreDenied()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content() with { SessionNumber = 2 });
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.PatientAssignments.Where(a => a.PatientId == _patientId).ExecuteDeleteAsync();
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, draft.NoteId, Content()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Sign(draft.NoteId, Content()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateNoteService().GetAsync(_psychologistId, signed.NoteId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateSigningService().AddAddendumAsync(_psychologistId, signed.NoteId, "Late."));

        Assert.Equal(0, await CountAsync("AccessLog"));
    }

    [Fact]
    public async Task Actions_AfterRoleRemoved_AreDenied()
    {
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.UserRoles.Where(r => r.UserId == _psychologistId).ExecuteDeleteAsync();
        }

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Sign(draft.NoteId, Content()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateNoteService().GetAsync(_psychologistId, draft.NoteId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateDraftService().DiscardAsync(_psychologistId, draft.NoteId));

        Assert.Equal("This action needs the Psychologist role.", denied.Message);
        Assert.Equal(0, await CountAsync("ProgressShares"));
        Assert.Equal(0, await CountAsync("AccessLog"));
    }

    [Fact]
    public async Task Draft_OfAnotherPsychologist_CannotBeSigned()
    {
        var colleagueId = await _database.AddUserAsync("sam.lee@clinicportal.test", ClinicRoles.Psychologist);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.PatientAssignments.Add(new ClinicPortal.Domain.Patients.PatientAssignment(_patientId, colleagueId, _database.Clock.UtcNow));
            await db.SaveChangesAsync();
        }

        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content());

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(
            () => _database.CreateSigningService().SignAsync(colleagueId, _patientId, draft.NoteId, Content(), new SignOptions(ShareChoice.Share)));
        Assert.Equal($"Progress note {draft.NoteId} is another psychologist's draft: only its author can change, sign or discard it.", denied.Message);
    }

    [Fact]
    public async Task Get_RecordsReadInAccessLog()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());

        await _database.CreateNoteService().GetAsync(_psychologistId, signed.NoteId);
        await _database.CreateNoteService().ListForPatientAsync(_psychologistId, _patientId);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var entry = await db.AccessLog.SingleAsync();
        Assert.Equal(_psychologistId, entry.UserId);
        Assert.Equal(AccessLogAction.ReadNote, entry.Action);
        Assert.Equal($"note {signed.NoteId}", entry.Subject);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, entry.OccurredAtUtc);
    }

    [Fact]
    public async Task List_ShowsStatusAndAddendumCount()
    {
        var signed = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content());
        await _database.CreateSigningService().AddAddendumAsync(_psychologistId, signed.NoteId, "Rating corrected: 6, not 7.");
        var later = Content() with { SessionDateUtc = Content().SessionDateUtc.AddDays(7), SessionNumber = 2 };
        var draft = await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, later);

        var page = await _database.CreateNoteService().ListForPatientAsync(_psychologistId, _patientId, new PageRequest(1, 1));
        var secondPage = await _database.CreateNoteService().ListForPatientAsync(_psychologistId, _patientId, new PageRequest(2, 1));

        Assert.Equal(2, page.Count);
        var newest = Assert.Single(page.Results);
        Assert.Equal(draft.NoteId, newest.Id);
        Assert.False(newest.IsSigned);
        Assert.Null(newest.ShareStatus);
        var oldest = Assert.Single(secondPage.Results);
        Assert.True(oldest.IsSigned);
        Assert.Equal(1, oldest.AddendumCount);
        Assert.Equal(ShareStatus.Pending, oldest.ShareStatus);
    }

    [Fact]
    public async Task RatingTrend_ListsSignedRatingsOldestFirst()
    {
        var notes = _database.CreateNoteService();
        var start = Content().SessionDateUtc;
        await notes.CreateAsync(_psychologistId, _patientId, Content() with { SessionDateUtc = start.AddDays(7), SessionNumber = 2, ProgressRating = 6 });
        await notes.CreateAsync(_psychologistId, _patientId, Content() with { ProgressRating = 4 });
        await notes.CreateAsync(_psychologistId, _patientId, Content() with { SessionDateUtc = start.AddDays(8), SessionNumber = 3, ProgressRating = null });
        await _database.CreateDraftService().SaveAsync(_psychologistId, _patientId, null, Content() with { SessionDateUtc = start.AddDays(9), SessionNumber = 4, ProgressRating = 9 });

        var trend = await notes.GetRatingTrendAsync(_psychologistId, _patientId);

        Assert.Equal([4, 6], trend.Select(p => p.Rating));
        Assert.Equal([start, start.AddDays(7)], trend.Select(p => p.SessionDateUtc));
    }

    private Task<CreatedProgressNote> Sign(int draftId, ProgressNoteContent content) =>
        _database.CreateSigningService().SignAsync(_psychologistId, _patientId, draftId, content, new SignOptions(ShareChoice.Share));

    private async Task<int> CountAsync(string table)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return table switch
        {
            "ProgressNotes" => await db.ProgressNotes.CountAsync(),
            "ProgressShares" => await db.ProgressShares.CountAsync(),
            "AccessLog" => await db.AccessLog.CountAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Add a count for this table to the helper."),
        };
    }

    private static ProgressNoteContent Content()
    {
        var basic = SummaryCase.Load("basic");
        return new ProgressNoteContent(basic.SessionDateUtc, 1, basic.Subjective, basic.Objective, basic.Assessment, basic.Plan, basic.ProgressRating);
    }
}
