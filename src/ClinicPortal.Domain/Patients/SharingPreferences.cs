namespace ClinicPortal.Domain.Patients;

/// <summary>
/// A patient's choice about sharing progress with their emergency contact, and what stops
/// updates reaching that contact: an opt-out by SMS reply, or a number that cannot receive SMS.
/// </summary>
public sealed record SharingPreferences(
    bool ShareProgressWithEmergencyContact,
    DateTime? ConsentDateUtc,
    string? ConsentVersion,
    bool HasEmergencyContact,
    string? EmergencyContactName,
    string CurrentConsentVersion,
    bool ContactOptedOut = false,
    string? ContactUndeliverableCode = null)
{
    /// <summary>Sharing is on, but under an older consent version: nothing is sent until the patient agrees to the current one.</summary>
    public bool ConsentOutOfDate => ShareProgressWithEmergencyContact && ConsentVersion != CurrentConsentVersion;
}
