using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Patients;

/// <summary>Use cases on a patient's consent to share progress with their emergency contact.</summary>
public sealed partial class SharingConsentService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    IOptions<ProgressSharingOptions> options,
    ClinicClock clock,
    ILogger<SharingConsentService> logger)
{
    public const string ShareField = "ShareProgressWithEmergencyContact";

    public async Task<SharingPreferences> GetOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        var optedOut = await SharingDecision.IsOptedOutAsync(db, patient.EmergencyContactPhone, cancellationToken);
        return ToPreferences(patient) with { ContactOptedOut = optedOut };
    }

    /// <summary>Turns sharing on or off. Setting the current value again writes nothing.</summary>
    public Task<SharingPreferences> SetOwnAsync(string userId, bool share, CancellationToken cancellationToken = default) =>
        share ? GrantOwnAsync(userId, cancellationToken) : WithdrawOwnAsync(userId, cancellationToken);

    /// <summary>Records the patient's consent under the consent version now in force.</summary>
    public async Task<SharingPreferences> GrantOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        var version = options.Value.ConsentVersion;

        if (!patient.HasEmergencyContact)
        {
            throw DomainValidationException.ForField(
                ShareField,
                "Add your emergency contact's mobile number on the profile page before turning on sharing.");
        }

        if (patient.ShareProgressWithEmergencyContact && patient.ConsentVersion == version)
        {
            return ToPreferences(patient);
        }

        patient.GrantConsent(version, clock.UtcNow, userId);
        await db.SaveChangesAsync(cancellationToken);

        LogConsentGranted(logger, patient.Id, version);
        return ToPreferences(patient);
    }

    /// <summary>Withdraws consent at once: shares still waiting to be sent are skipped.</summary>
    public async Task<SharingPreferences> WithdrawOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        if (!patient.ShareProgressWithEmergencyContact)
        {
            return ToPreferences(patient);
        }

        patient.WithdrawConsent(clock.UtcNow, userId);
        await db.SaveChangesAsync(cancellationToken);

        LogConsentWithdrawn(logger, patient.Id);
        return ToPreferences(patient);
    }

    private SharingPreferences ToPreferences(Patient patient) => new(
        patient.ShareProgressWithEmergencyContact,
        patient.ConsentDateUtc,
        patient.ConsentVersion,
        patient.HasEmergencyContact,
        patient.EmergencyContactName,
        options.Value.ConsentVersion,
        ContactUndeliverableCode: patient.EmergencyContactUndeliverableCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} consented to sharing under version {ConsentVersion}")]
    private static partial void LogConsentGranted(ILogger logger, int patientId, string consentVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} withdrew consent to sharing")]
    private static partial void LogConsentWithdrawn(ILogger logger, int patientId);
}
