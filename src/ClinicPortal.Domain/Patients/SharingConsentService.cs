using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Patients;

/// <summary>
/// Use cases on a patient's consent to share progress with their emergency contact: the patient's
/// own choice, consent a psychologist records from a session, and the consent history.
/// </summary>
public sealed partial class SharingConsentService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    IOptions<ProgressSharingOptions> options,
    ClinicClock clock,
    ILogger<SharingConsentService> logger)
{
    public const string ShareField = "ShareProgressWithEmergencyContact";
    public const string NoteField = "Note";
    public const int MaxNoteLength = 1000;

    private string CurrentVersion => options.Value.ConsentVersion;

    public async Task<SharingPreferences> GetOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        return await ToPreferencesAsync(db, patient, cancellationToken);
    }

    /// <summary>Turns sharing on (under the current version) or off. Setting the current value again writes nothing.</summary>
    public Task<SharingPreferences> SetOwnAsync(string userId, bool share, ConsentMethod method, CancellationToken cancellationToken = default) =>
        share ? GrantOwnAsync(userId, version: null, method, cancellationToken) : WithdrawOwnAsync(userId, method, cancellationToken);

    /// <summary>
    /// Records the patient's consent under <paramref name="version"/>, which must be the version in
    /// force (null means the version in force). Agreeing again to the same version writes nothing.
    /// </summary>
    public async Task<SharingPreferences> GrantOwnAsync(
        string userId, string? version = null, ConsentMethod method = ConsentMethod.PatientPortal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        EnsureCurrentVersion(version);
        EnsureContactOnFile(patient);

        if (patient.HasCurrentConsent(CurrentVersion))
        {
            return await ToPreferencesAsync(db, patient, cancellationToken);
        }

        patient.GrantConsent(CurrentVersion, clock.UtcNow, userId, method);
        await db.SaveChangesAsync(cancellationToken);

        LogConsentGranted(logger, patient.Id, CurrentVersion, method);
        return await ToPreferencesAsync(db, patient, cancellationToken);
    }

    /// <summary>Withdraws consent at once: shares still waiting to be sent are skipped.</summary>
    public async Task<SharingPreferences> WithdrawOwnAsync(
        string userId, ConsentMethod method = ConsentMethod.PatientPortal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        if (!patient.ShareProgressWithEmergencyContact)
        {
            return await ToPreferencesAsync(db, patient, cancellationToken);
        }

        patient.WithdrawConsent(clock.UtcNow, userId, method);
        await db.SaveChangesAsync(cancellationToken);

        LogConsentWithdrawn(logger, patient.Id, method);
        return await ToPreferencesAsync(db, patient, cancellationToken);
    }

    /// <summary>
    /// Records consent given (or withdrawn) in a session, by a psychologist who treats the patient,
    /// with a required note of how it was obtained.
    /// </summary>
    public async Task RecordInSessionAsync(
        string psychologistUserId, int patientId, bool granted, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, psychologistUserId, patientId, cancellationToken);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, cancellationToken);
        var trimmedNote = ValidateNote(note);

        if (granted)
        {
            EnsureContactOnFile(patient);
            patient.GrantConsent(CurrentVersion, clock.UtcNow, psychologistUserId, ConsentMethod.RecordedInSession, trimmedNote);
        }
        else
        {
            patient.WithdrawConsent(clock.UtcNow, psychologistUserId, ConsentMethod.RecordedInSession, trimmedNote);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogRecordedInSession(logger, patient.Id, granted, psychologistUserId);
    }

    /// <summary>Lists the signed-in patient's own consent history, oldest first.</summary>
    public async Task<IReadOnlyList<ConsentHistoryItem>> GetOwnHistoryAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        return await LoadHistoryAsync(db, patient.Id, cancellationToken);
    }

    /// <summary>Lists a patient's consent history for an admin, or for a psychologist who treats the patient. The history is read-only.</summary>
    /// <exception cref="NotFoundException">No patient has the id, and the user is an admin.</exception>
    public async Task<IReadOnlyList<ConsentHistoryItem>> GetHistoryForPatientAsync(
        string staffUserId, int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await AccessGuard.IsInRoleAsync(db, staffUserId, ClinicRoles.Admin, cancellationToken))
        {
            await AccessGuard.EnsureTreatingPsychologistAsync(db, staffUserId, patientId, cancellationToken);
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException($"Patient {patientId} was not found.");
        }

        return await LoadHistoryAsync(db, patientId, cancellationToken);
    }

    private static async Task<IReadOnlyList<ConsentHistoryItem>> LoadHistoryAsync(ClinicDbContext db, int patientId, CancellationToken cancellationToken) =>
        await db.ConsentHistory.AsNoTracking()
            .Where(e => e.PatientId == patientId)
            .OrderBy(e => e.RecordedAtUtc).ThenBy(e => e.Id)
            .Join(db.Users, e => e.RecordedByUserId, u => u.Id, (entry, user) => new ConsentHistoryItem(
                entry.RecordedAtUtc, entry.Action, entry.Version, entry.Method, user.DisplayName != "" ? user.DisplayName : user.Email ?? "", entry.Note))
            .ToListAsync(cancellationToken);

    private void EnsureCurrentVersion(string? version)
    {
        if (version is not null && version != CurrentVersion)
        {
            throw DomainValidationException.ForField(
                "Version",
                $"Version {version} is not the consent version in force, which is {CurrentVersion}. Read the current consent text and agree to version {CurrentVersion}.");
        }
    }

    private static void EnsureContactOnFile(Patient patient)
    {
        if (!patient.HasEmergencyContact)
        {
            throw DomainValidationException.ForField(
                ShareField,
                "Add the emergency contact's mobile number on the profile page before turning on sharing.");
        }
    }

    private static string ValidateNote(string? note)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw DomainValidationException.ForField(NoteField, "Describe how the patient gave or withdrew consent, for example \"Verbal consent in session after reading the consent text\".");
        }

        if (trimmed.Length > MaxNoteLength)
        {
            throw DomainValidationException.ForField(NoteField, $"Shorten the note to {MaxNoteLength} characters or fewer.");
        }

        return trimmed;
    }

    private async Task<SharingPreferences> ToPreferencesAsync(ClinicDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var optedOut = await SharingDecision.IsOptedOutAsync(db, patient.EmergencyContactPhone, cancellationToken);
        return new SharingPreferences(
            patient.ShareProgressWithEmergencyContact,
            patient.ConsentDateUtc,
            patient.ConsentVersion,
            patient.HasEmergencyContact,
            patient.EmergencyContactName,
            CurrentVersion,
            optedOut,
            patient.EmergencyContactUndeliverableCode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} consented to sharing under version {ConsentVersion} through {Method}")]
    private static partial void LogConsentGranted(ILogger logger, int patientId, string consentVersion, ConsentMethod method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} withdrew consent to sharing through {Method}")]
    private static partial void LogConsentWithdrawn(ILogger logger, int patientId, ConsentMethod method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent of patient {PatientId} recorded in session (granted {Granted}) by {UserId}")]
    private static partial void LogRecordedInSession(ILogger logger, int patientId, bool granted, string userId);
}
