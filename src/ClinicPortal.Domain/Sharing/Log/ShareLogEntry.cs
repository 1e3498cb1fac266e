namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// One row of the admin share log. The recipient is masked; note bodies are never part of it.
/// <see cref="WithheldReason"/> is the psychologist's reason when they chose not to share.
/// </summary>
public sealed record ShareLogEntry(
    int Id,
    int NoteId,
    int PatientId,
    string PatientName,
    string Recipient,
    ShareStatus Status,
    ShareReason? Reason,
    string? ErrorCode,
    string? ErrorMessage,
    string? ProviderMessageId,
    int? Segments,
    string? Message,
    DateTime CreatedAtUtc,
    DateTime? SentAtUtc,
    string? WithheldReason = null);
