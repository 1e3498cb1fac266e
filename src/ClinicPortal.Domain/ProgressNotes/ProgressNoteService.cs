using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Use cases of a psychologist's progress notes: create a signed note, preview its update, read
/// and list notes. Drafts are in <see cref="NoteDraftService"/>, signing and addenda in
/// <see cref="NoteSigningService"/>.
/// </summary>
public sealed class ProgressNoteService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    IOptions<ProgressSharingOptions> sharingOptions,
    NoteSharePlanner sharePlanner,
    NoteSigningService signing)
{
    /// <summary>
    /// Saves a note that is signed at once, with its share record, then wakes the dispatcher, as
    /// the API's create does. A repeated session number is accepted. Sending never delays saving.
    /// </summary>
    public Task<CreatedProgressNote> CreateAsync(
        string userId, int patientId, ProgressNoteContent content, CancellationToken cancellationToken = default) =>
        signing.SignAsync(userId, patientId, null, content, new SignOptions(ShareChoice.Share, AllowDuplicateSessionNumber: true), cancellationToken);

    /// <summary>
    /// Returns what signing a note with this content would send, without saving anything. The
    /// content is not validated, so the preview can follow a note that is still being written.
    /// </summary>
    public async Task<SharePreview> PreviewShareAsync(
        string userId, int patientId, ProgressNoteContent content, ShareChoice? choice = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);

        return await sharePlanner.PreviewAsync(db, patient, content, choice ?? ShareChoice.Share, cancellationToken);
    }

    /// <summary>Reads a whole note with its addenda, and records the read in the access log in the same save.</summary>
    public async Task<ProgressNoteDetails> GetAsync(string userId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.ProgressNotes.AsNoTracking().Include(n => n.Share)
            .SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException($"Progress note {noteId} was not found.");
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, note.PatientId, cancellationToken);

        var addenda = await db.ProgressNoteAddenda.AsNoTracking()
            .Where(a => a.NoteId == noteId)
            .OrderBy(a => a.Id)
            .Select(a => new AddendumDetails(
                a.Id,
                db.Users.Where(u => u.Id == a.AuthorUserId).Select(u => u.Email).FirstOrDefault() ?? a.AuthorUserId,
                a.CreatedAtUtc,
                a.Text,
                a.ContentHash))
            .ToListAsync(cancellationToken);
        var signedBy = note.SignedByUserId is null
            ? null
            : await db.Users.Where(u => u.Id == note.SignedByUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? note.SignedByUserId;

        db.AccessLog.Add(AccessLogEntry.NoteRead(userId, noteId, clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);

        return new ProgressNoteDetails(
            note.Id, note.PatientId, note.Content, note.CreatedAtUtc, note.UpdatedAtUtc, note.Share?.Status, note.Share?.Reason)
        {
            AuthorUserId = note.PsychologistId,
            SignedAtUtc = note.SignedAtUtc,
            SignedBy = signedBy,
            ContentHash = note.ContentHash,
            WithheldReason = note.Share?.WithheldReason,
            Addenda = addenda,
        };
    }

    /// <summary>Lists one page of a patient's notes, drafts and signed, newest session first, without note text.</summary>
    public async Task<PagedResult<ProgressNoteSummary>> ListForPatientAsync(
        string userId, int patientId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        page ??= new PageRequest();
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);

        var notes = db.ProgressNotes.AsNoTracking().Where(n => n.PatientId == patientId);
        var count = await notes.CountAsync(cancellationToken);
        var rows = await notes
            .OrderByDescending(n => n.SessionDateUtc)
            .ThenByDescending(n => n.Id)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(n => new ProgressNoteSummary(
                n.Id,
                n.SessionDateUtc,
                n.SessionNumber,
                n.ProgressRating,
                n.SignedAtUtc != null,
                n.Addenda.Count,
                n.Share != null ? n.Share.Status : null,
                n.Share != null ? n.Share.Reason : null))
            .ToListAsync(cancellationToken);

        return new PagedResult<ProgressNoteSummary>(count, rows);
    }

    /// <summary>Returns the rating of every signed note that has one, oldest session first. Drafts are left out because they can still change.</summary>
    public async Task<IReadOnlyList<RatingPoint>> GetRatingTrendAsync(string userId, int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);

        return await db.ProgressNotes.AsNoTracking()
            .Where(n => n.PatientId == patientId && n.SignedAtUtc != null && n.ProgressRating != null)
            .OrderBy(n => n.SessionDateUtc)
            .ThenBy(n => n.Id)
            .Select(n => new RatingPoint(n.SessionDateUtc, n.SessionNumber, n.ProgressRating!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Lists the patients assigned to the signed-in psychologist, by last name.</summary>
    public async Task<IReadOnlyList<TreatedPatient>> ListMyPatientsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Psychologist, cancellationToken);

        var patientIds = db.PatientAssignments.Where(a => a.PsychologistId == userId).Select(a => a.PatientId);
        var patients = await db.Patients.AsNoTracking()
            .Where(p => patientIds.Contains(p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .ToListAsync(cancellationToken);

        var result = new List<TreatedPatient>(patients.Count);
        foreach (var patient in patients)
        {
            result.Add(await ToTreatedPatientAsync(db, patient, cancellationToken));
        }

        return result;
    }

    /// <summary>Loads one assigned patient, with what would happen to a new note about them.</summary>
    public async Task<TreatedPatient> GetPatientAsync(string userId, int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);
        return await ToTreatedPatientAsync(db, patient, cancellationToken);
    }

    /// <summary>Returns the current state of a note's share, for the psychologist who treats the patient.</summary>
    public async Task<ShareStatusChanged> GetShareStatusAsync(string userId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var share = await db.ProgressShares.AsNoTracking().SingleOrDefaultAsync(s => s.NoteId == noteId, cancellationToken)
            ?? throw new NotFoundException($"Progress note {noteId} has no share record.");
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, share.PatientId, cancellationToken);

        return new ShareStatusChanged(share.Id, share.NoteId, share.Status, share.Reason, share.ErrorCode);
    }

    private async Task<TreatedPatient> ToTreatedPatientAsync(ClinicDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var sessionNumbers = db.ProgressNotes.Where(n => n.PatientId == patient.Id).Select(n => n.SessionNumber);
        var noteCount = await sessionNumbers.CountAsync(cancellationToken);
        var lastSession = noteCount == 0 ? 0 : await sessionNumbers.MaxAsync(cancellationToken);
        var skipReason = await SharingDecision.ReasonNotToShareAsync(db, patient, sharingOptions.Value.ConsentVersion, cancellationToken);

        return new TreatedPatient(
            patient.Id,
            patient.FullName,
            patient.EmergencyContactName,
            patient.EmergencyContactRelationship,
            skipReason,
            noteCount,
            lastSession + 1,
            patient.EmergencyContactUndeliverableCode);
    }
}
