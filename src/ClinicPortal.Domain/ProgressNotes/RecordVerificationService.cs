using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>Recomputes the hashes of a signed note and its addenda and compares them with the stored ones.</summary>
public sealed partial class RecordVerificationService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ILogger<RecordVerificationService> logger)
{
    /// <summary>
    /// Verifies one note for a psychologist who treats the patient or for an admin. Nothing of
    /// the note's text leaves this method, so admins can verify without reading it.
    /// </summary>
    public async Task<RecordVerification> VerifyAsync(string userId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.ProgressNotes.AsNoTracking().Include(n => n.Addenda)
            .SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException($"Progress note {noteId} was not found.");
        if (!await AccessGuard.IsInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken))
        {
            await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, note.PatientId, cancellationToken);
        }

        if (!note.IsSigned)
        {
            throw DomainValidationException.ForField("Note", $"Progress note {noteId} is a draft: only a signed note has a hash to verify.");
        }

        bool? noteMatches = note.ContentHash is null ? null : RecordHashing.HashNote(note) == note.ContentHash;
        var mismatched = note.Addenda
            .Where(a => RecordHashing.HashAddendum(note.ContentHash ?? "", a) != a.ContentHash)
            .Select(a => a.Id)
            .Order()
            .ToList();
        var result = new RecordVerification(noteId, noteMatches, mismatched, note.Addenda.Count);

        if (!result.IsIntact)
        {
            LogMismatch(logger, noteId, noteMatches, mismatched.Count);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification of progress note {NoteId} found a mismatch: note hash matches {NoteMatches}, {MismatchedAddenda} addenda differ")]
    private static partial void LogMismatch(ILogger logger, int noteId, bool? noteMatches, int mismatchedAddenda);
}
