using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Patients;

/// <summary>Use cases on a patient's own profile: registration, reading and updating it.</summary>
public sealed partial class PatientProfileService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<PatientProfileService> logger)
{
    public const int MaxNameLength = 100;
    public const int MaxRelationshipLength = 50;

    /// <summary>Creates the patient record for a newly registered account.</summary>
    public async Task<int> RegisterAsync(string userId, string firstName, string lastName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var existing = await db.Patients.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        var patient = Patient.Register(userId, firstName, lastName);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);

        LogPatientRegistered(logger, patient.Id);
        return patient.Id;
    }

    public async Task<PatientProfile> GetOwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        return ToProfile(patient);
    }

    public async Task<PatientProfile> UpdateOwnAsync(string userId, UpdatePatientProfile update, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        var firstName = update.FirstName ?? patient.FirstName;
        var lastName = update.LastName ?? patient.LastName;
        var contactName = update.EmergencyContactName ?? patient.EmergencyContactName;
        var relationship = update.EmergencyContactRelationship ?? patient.EmergencyContactRelationship;
        var phone = Validate(patient, update, firstName, lastName, contactName, relationship);

        patient.UpdateName(firstName, lastName);
        patient.UpdateEmergencyContact(contactName, relationship, phone, clock.UtcNow, userId);
        await db.SaveChangesAsync(cancellationToken);

        LogProfileUpdated(logger, patient.Id);
        return ToProfile(patient);
    }

    /// <summary>
    /// Removes the patient's emergency contact. When sharing is on it is turned off first, and the
    /// consent history records the reason.
    /// </summary>
    public async Task<PatientProfile> RemoveOwnEmergencyContactAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);
        var sharingWasOn = patient.ShareProgressWithEmergencyContact;

        patient.RemoveEmergencyContact(clock.UtcNow, userId);
        await db.SaveChangesAsync(cancellationToken);

        LogContactRemoved(logger, patient.Id, sharingWasOn);
        return ToProfile(patient);
    }

    /// <summary>Checks every field and returns the emergency contact number to store, in E.164.</summary>
    private static string? Validate(
        Patient patient, UpdatePatientProfile update, string firstName, string lastName, string? contactName, string? relationship)
    {
        var errors = new ValidationErrors();
        RequireName(errors, nameof(UpdatePatientProfile.FirstName), "first name", firstName);
        RequireName(errors, nameof(UpdatePatientProfile.LastName), "last name", lastName);

        var phone = patient.EmergencyContactPhone;
        if (update.EmergencyContactPhone is { } typedPhone)
        {
            phone = ParsePhone(errors, patient, typedPhone);
        }

        if (contactName?.Trim().Length > MaxNameLength)
        {
            errors.Add(nameof(UpdatePatientProfile.EmergencyContactName), $"Shorten the emergency contact's name to {MaxNameLength} characters or fewer.");
        }
        else if (string.IsNullOrWhiteSpace(contactName) && !string.IsNullOrEmpty(phone))
        {
            errors.Add(nameof(UpdatePatientProfile.EmergencyContactName), "Enter the emergency contact's name, so your psychologist knows who receives updates.");
        }
        else if (HasControlCharacters(contactName))
        {
            errors.Add(nameof(UpdatePatientProfile.EmergencyContactName), "Remove the control characters from the emergency contact's name.");
        }

        if (relationship?.Trim().Length > MaxRelationshipLength)
        {
            errors.Add(nameof(UpdatePatientProfile.EmergencyContactRelationship), $"Shorten the relationship to {MaxRelationshipLength} characters or fewer.");
        }

        if (HasControlCharacters(relationship))
        {
            errors.Add(nameof(UpdatePatientProfile.EmergencyContactRelationship), "Remove the control characters from the relationship.");
        }

        errors.ThrowIfAny();
        return phone;
    }

    private static string? ParsePhone(ValidationErrors errors, Patient patient, string typedPhone)
    {
        const string field = nameof(UpdatePatientProfile.EmergencyContactPhone);
        if (string.IsNullOrWhiteSpace(typedPhone))
        {
            if (patient.ShareProgressWithEmergencyContact)
            {
                errors.Add(field, "A mobile number is required while sharing is on. Enter one, or turn off sharing on the preferences page first.");
            }

            return null;
        }

        var parsed = PhoneNumberParser.ParseMobile(typedPhone);
        if (!parsed.IsValid)
        {
            errors.Add(field, parsed.Error!);
        }

        return parsed.E164;
    }

    private static void RequireName(ValidationErrors errors, string field, string label, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter your {label}.");
        }
        else if (value.Trim().Length > MaxNameLength)
        {
            errors.Add(field, $"Shorten your {label} to {MaxNameLength} characters or fewer.");
        }
        else if (HasControlCharacters(value))
        {
            errors.Add(field, $"Remove the control characters from your {label}.");
        }
    }

    private static bool HasControlCharacters(string? value) => value is not null && value.Any(char.IsControl);

    private static PatientProfile ToProfile(Patient patient) => new(
        patient.Id,
        patient.FirstName,
        patient.LastName,
        patient.EmergencyContactName,
        patient.EmergencyContactRelationship,
        patient.EmergencyContactPhone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered patient {PatientId}")]
    private static partial void LogPatientRegistered(ILogger logger, int patientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the emergency contact of patient {PatientId}; sharing was on: {SharingWasOn}")]
    private static partial void LogContactRemoved(ILogger logger, int patientId, bool sharingWasOn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated profile of patient {PatientId}")]
    private static partial void LogProfileUpdated(ILogger logger, int patientId);
}
