using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Use cases of a draft note: save (the editor autosaves), edit and discard. A draft is never
/// shared, and only the psychologist who started it may change it.
/// </summary>
public sealed partial class NoteDraftService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<NoteDraftService> logger)
{
    /// <summary>Creates a draft when <paramref name="draftId"/> is null, otherwise replaces the draft's content.</summary>
    public async Task<DraftSaved> SaveAsync(
        string userId, int patientId, int? draftId, ProgressNoteContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);
        var draft = draftId is { } id ? await LoadDraftOfPatientAsync(db, userId, patientId, id, cancellationToken) : null;
        ProgressNoteValidator.ValidateDraft(content, clock);

        // TODO: the editor's save carries no version of the draft it loaded, so it overwrites a change
        // made to the same draft through the API in the meantime instead of reporting a conflict.
        var now = clock.UtcNow;
        draft = DraftAccess.WriteDraft(db, draft, patientId, userId, content, now);
        await db.SaveChangesAsync(cancellationToken);

        LogDraftSaved(logger, draft.Id, patientId);
        return new DraftSaved(draft.Id, now);
    }

    /// <summary>
    /// Changes a draft given the note id alone: <paramref name="change"/> receives the current
    /// content and returns the new one. Raises <see cref="NoteLockedException"/> for a signed note
    /// before the change is even read.
    /// </summary>
    public async Task UpdateAsync(
        string userId, int noteId, Func<ProgressNoteContent, ProgressNoteContent> change, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await DraftAccess.LoadOwnDraftAsync(db, userId, noteId, cancellationToken);
        var content = change(draft.Content);
        ProgressNoteValidator.ValidateDraft(content, clock);

        draft.EditDraft(content, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        LogDraftSaved(logger, noteId, draft.PatientId);
    }

    /// <summary>Deletes a draft. Raises <see cref="NoteLockedException"/> for a signed note, which is never deleted.</summary>
    public async Task DiscardAsync(string userId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await DraftAccess.LoadOwnDraftAsync(db, userId, noteId, cancellationToken);

        db.ProgressNotes.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);

        LogDraftDiscarded(logger, noteId, draft.PatientId);
    }

    internal static async Task<ProgressNote> LoadDraftOfPatientAsync(
        ClinicDbContext db, string userId, int patientId, int draftId, CancellationToken cancellationToken)
    {
        var draft = await DraftAccess.LoadOwnDraftAsync(db, userId, draftId, cancellationToken);
        return draft.PatientId == patientId
            ? draft
            : throw new NotFoundException($"Progress note {draftId} is not a note about patient {patientId}.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved draft progress note {NoteId} for patient {PatientId}")]
    private static partial void LogDraftSaved(ILogger logger, int noteId, int patientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discarded draft progress note {NoteId} for patient {PatientId}")]
    private static partial void LogDraftDiscarded(ILogger logger, int noteId, int patientId);
}
