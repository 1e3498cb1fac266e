namespace ClinicPortal.Domain.Patients;

/// <summary>A patient's own view of their profile and emergency contact.</summary>
public sealed record PatientProfile(
    int Id,
    string FirstName,
    string LastName,
    string? EmergencyContactName,
    string? EmergencyContactRelationship,
    string? EmergencyContactPhone);
