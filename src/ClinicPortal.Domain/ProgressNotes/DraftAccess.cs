using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>Loads a note for a change, checking at that moment that the user may make it.</summary>
internal static class DraftAccess
{
    /// <summary>Loads a note, tracked, after checking that the user treats its patient.</summary>
    public static async Task<ProgressNote> LoadTreatedNoteAsync(
        ClinicDbContext db, string userId, int noteId, CancellationToken cancellationToken)
    {
        var note = await db.ProgressNotes.SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException($"Progress note {noteId} was not found.");
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, note.PatientId, cancellationToken);
        return note;
    }

    /// <summary>Puts the content into the loaded draft, or into a new draft added to the context when there is none.</summary>
    public static ProgressNote WriteDraft(
        ClinicDbContext db, ProgressNote? draft, int patientId, string userId, ProgressNoteContent content, DateTime nowUtc)
    {
        if (draft is not null)
        {
            draft.EditDraft(content, nowUtc);
            return draft;
        }

        var created = ProgressNote.CreateDraft(patientId, userId, content, nowUtc);
        db.ProgressNotes.Add(created);
        return created;
    }

    /// <summary>
    /// Loads a draft that the user started, for a change, a signature or a discard. Raises
    /// <see cref="NoteLockedException"/> when it is already signed.
    /// </summary>
    public static async Task<ProgressNote> LoadOwnDraftAsync(
        ClinicDbContext db, string userId, int noteId, CancellationToken cancellationToken)
    {
        var note = await LoadTreatedNoteAsync(db, userId, noteId, cancellationToken);
        note.EnsureDraft();
        if (note.PsychologistId != userId)
        {
            throw new AccessDeniedException($"Progress note {noteId} is another psychologist's draft: only its author can change, sign or discard it.");
        }

        return note;
    }
}
