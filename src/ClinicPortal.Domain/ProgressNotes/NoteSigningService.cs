using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Signing notes and adding addenda. Signing locks a note, hashes it and decides its one share in
/// the same transaction. An addendum is signed and hashed as it is added, and is never shared.
/// </summary>
public sealed partial class NoteSigningService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    NoteSharePlanner sharePlanner,
    ShareDispatchSignal dispatchSignal,
    ILogger<NoteSigningService> logger)
{
    /// <summary>
    /// Signs the draft <paramref name="draftId"/> with this content, or, when it is null, creates a
    /// note that is signed at once. Wakes the dispatcher when the share is pending; sending never
    /// delays signing.
    /// </summary>
    public async Task<CreatedProgressNote> SignAsync(
        string userId, int patientId, int? draftId, ProgressNoteContent content, SignOptions options, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, cancellationToken);
        var note = draftId is { } id ? await NoteDraftService.LoadDraftOfPatientAsync(db, userId, patientId, id, cancellationToken) : null;
        ProgressNoteValidator.ValidateForSigning(content, options.Share, clock);
        if (!options.AllowDuplicateSessionNumber)
        {
            await EnsureSessionNumberFreeAsync(db, patientId, content.SessionNumber, draftId, cancellationToken);
        }

        var now = clock.UtcNow;
        note = DraftAccess.WriteDraft(db, note, patientId, userId, content, now);
        note.Sign(userId, now);
        note.Share = await sharePlanner.DecideAsync(db, patient, note.PsychologistId, content, options.Share, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        LogNoteSigned(logger, note.Id, patientId, note.Share.Id, note.Share.Status);
        if (note.Share.Status == ShareStatus.Pending)
        {
            dispatchSignal.Request();
        }

        return new CreatedProgressNote(note.Id, note.Share.Id, note.Share.Status, note.Share.Reason);
    }

    /// <summary>Adds a signed correction to a signed note. Any psychologist who treats the patient may add one.</summary>
    public async Task<AddendumDetails> AddAddendumAsync(string userId, int noteId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await DraftAccess.LoadTreatedNoteAsync(db, userId, noteId, cancellationToken);
        if (!note.IsSigned)
        {
            throw DomainValidationException.ForField("Note", $"Progress note {noteId} is a draft: edit the draft instead of adding an addendum.");
        }

        ProgressNoteValidator.ValidateAddendum(text);

        var addendum = note.AddAddendum(userId, text, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        LogAddendumAdded(logger, addendum.Id, noteId);
        var author = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? userId;
        return new AddendumDetails(addendum.Id, author, addendum.CreatedAtUtc, addendum.Text, addendum.ContentHash);
    }

    private static async Task EnsureSessionNumberFreeAsync(
        ClinicDbContext db, int patientId, int sessionNumber, int? draftId, CancellationToken cancellationToken)
    {
        var numberInUse = await db.ProgressNotes.AnyAsync(
            n => n.PatientId == patientId && n.SessionNumber == sessionNumber && n.Id != draftId, cancellationToken);
        if (numberInUse)
        {
            throw new DuplicateSessionNumberException(patientId, sessionNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed progress note {NoteId} for patient {PatientId}: share {ShareId} is {ShareStatus}")]
    private static partial void LogNoteSigned(ILogger logger, int noteId, int patientId, int shareId, ShareStatus shareStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added addendum {AddendumId} to progress note {NoteId}")]
    private static partial void LogAddendumAdded(ILogger logger, int addendumId, int noteId);
}
