namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// One update about a patient's note, as shown to the patient and their psychologist: when, to
/// whom (masked), what happened and the exact text sent. Skipped updates carry the reason.
/// </summary>
public sealed record SharedUpdate(
    int Id,
    int NoteId,
    DateTime SessionDateUtc,
    DateTime CreatedAtUtc,
    DateTime? SentAtUtc,
    string Recipient,
    ShareStatus Status,
    ShareReason? Reason,
    string? Message);
