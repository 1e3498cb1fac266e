namespace ClinicPortal.Domain.Patients;

/// <summary>
/// Changes to a patient's profile. A null property leaves the field unchanged; an empty string
/// clears an emergency contact field.
/// </summary>
public sealed record UpdatePatientProfile(
    string? FirstName = null,
    string? LastName = null,
    string? EmergencyContactName = null,
    string? EmergencyContactRelationship = null,
    string? EmergencyContactPhone = null);
