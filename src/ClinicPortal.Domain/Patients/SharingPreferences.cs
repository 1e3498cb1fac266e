namespace ClinicPortal.Domain.Patients;

/// <summary>A patient's choice about sharing progress with their emergency contact.</summary>
public sealed record SharingPreferences(
    bool ShareProgressWithEmergencyContact,
    DateTime? ConsentDateUtc,
    string? ConsentVersion,
    bool HasEmergencyContact,
    string? EmergencyContactName,
    string CurrentConsentVersion);
