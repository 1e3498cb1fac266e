using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// A patient as shown to their psychologist in the list and the editor, with what would happen
/// to the next note: shared with the named contact, or skipped for <see cref="SkipReason"/>.
/// <see cref="ContactUndeliverableCode"/> is Twilio's error code when the contact's number was
/// found unable to receive SMS.
/// </summary>
public sealed record TreatedPatient(
    int Id,
    string FullName,
    string? EmergencyContactName,
    string? EmergencyContactRelationship,
    ShareReason? SkipReason,
    int NoteCount,
    int NextSessionNumber,
    string? ContactUndeliverableCode = null);
