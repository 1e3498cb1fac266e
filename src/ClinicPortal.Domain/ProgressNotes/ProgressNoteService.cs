using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Use cases of a psychologist's progress notes. Creating a note decides its share in the same
/// transaction; editing never shares again.
/// </summary>
public sealed partial class ProgressNoteService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    IOptions<ProgressSharingOptions> sharingOptions,
    IOptions<ClinicOptions> clinicOptions,
    ShareDispatchSignal dispatchSignal,
    ILogger<ProgressNoteService> logger)
{
    /// <summary>Saves a note with its share record, then wakes the dispatcher. Sending never delays saving.</summary>
    public async Task<CreatedProgressNote> CreateAsync(
        string userId, int patientId, ProgressNoteContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, cancellationToken);
        ProgressNoteValidator.Validate(content, clock);

        var now = clock.UtcNow;
        var note = ProgressNote.Create(patientId, userId, content, now);
        var reason = await SharingDecision.ReasonNotToShareAsync(db, patient, sharingOptions.Value.ConsentVersion, cancellationToken);
        note.Share = DecideShare(patient, userId, reason, content, now);
        db.ProgressNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);

        LogNoteCreated(logger, note.Id, patientId, note.Share.Id, note.Share.Status);
        if (note.Share.Status == ShareStatus.Pending)
        {
            dispatchSignal.Request();
        }

        return new CreatedProgressNote(note.Id, note.Share.Id, note.Share.Status, note.Share.Reason);
    }

    /// <summary>
    /// Returns what saving a new note with this content would send, without saving anything. The
    /// content is not validated, so the preview can follow a note that is still being written.
    /// </summary>
    public async Task<SharePreview> PreviewShareAsync(
        string userId, int patientId, ProgressNoteContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);

        var reason = await SharingDecision.ReasonNotToShareAsync(db, patient, sharingOptions.Value.ConsentVersion, cancellationToken);
        return reason is { } skipReason
            ? SharePreview.Skipped(skipReason)
            : SharePreview.Send(patient.EmergencyContactPhone!, BuildShareText(patient, content));
    }

    /// <summary>Changes a note's content. The share decided at creation stays as it is.</summary>
    public async Task UpdateAsync(string userId, int noteId, ProgressNoteContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await LoadNoteAsync(db, noteId, cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, note.PatientId, cancellationToken);
        ProgressNoteValidator.Validate(content, clock);

        note.Edit(content, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        LogNoteEdited(logger, noteId);
    }

    public async Task<ProgressNoteDetails> GetAsync(string userId, int noteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.ProgressNotes.AsNoTracking().Include(n => n.Share)
            .SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException($"Progress note {noteId} was not found.");
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, note.PatientId, cancellationToken);

        var content = new ProgressNoteContent(
            note.SessionDateUtc, note.SessionNumber, note.Subjective, note.Objective, note.Assessment, note.Plan, note.ProgressRating);
        return new ProgressNoteDetails(
            note.Id, note.PatientId, content, note.CreatedAtUtc, note.UpdatedAtUtc, note.Share?.Status, note.Share?.Reason);
    }

    /// <summary>Lists a patient's notes newest session first, without note text.</summary>
    public async Task<IReadOnlyList<ProgressNoteSummary>> ListForPatientAsync(
        string userId, int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, userId, patientId, cancellationToken);

        return await db.ProgressNotes.AsNoTracking()
            .Where(n => n.PatientId == patientId)
            .OrderByDescending(n => n.SessionDateUtc)
            .ThenByDescending(n => n.Id)
            .Select(n => new ProgressNoteSummary(
                n.Id, n.SessionDateUtc, n.SessionNumber, n.ProgressRating, n.Share!.Status, n.Share.Reason))
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

    private ProgressShare DecideShare(Patient patient, string psychologistId, ShareReason? reason, ProgressNoteContent content, DateTime now)
    {
        if (reason is not null)
        {
            return ProgressShare.Skipped(patient.Id, psychologistId, reason.Value, now);
        }

        var message = BuildShareText(patient, content);
        return ProgressShare.Pending(patient.Id, psychologistId, message, sharingOptions.Value.ConsentVersion, now);
    }

    // The one place that turns a note into SMS text, so the editor's preview and the share saved
    // with the note can never differ.
    private string BuildShareText(Patient patient, ProgressNoteContent content)
    {
        var summary = new ProgressSummaryInput(
            patient.FullName, content.SessionDateUtc, content.ProgressRating, content.Subjective, content.Plan);
        var sender = new SenderIdentity(clinicOptions.Value.Name, clinicOptions.Value.Phone);
        return ProgressSummaryBuilder.Build(summary, clock.TimeZone, sender);
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

    private static async Task<ProgressNote> LoadNoteAsync(ClinicDbContext db, int noteId, CancellationToken cancellationToken) =>
        await db.ProgressNotes.SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
        ?? throw new NotFoundException($"Progress note {noteId} was not found.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created progress note {NoteId} for patient {PatientId}: share {ShareId} is {ShareStatus}")]
    private static partial void LogNoteCreated(ILogger logger, int noteId, int patientId, int shareId, ShareStatus shareStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edited progress note {NoteId}; edits are never shared")]
    private static partial void LogNoteEdited(ILogger logger, int noteId);
}
