namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Everything the share log records about one share, for the admin's detail view. The recipient
/// is masked; the full number is only returned by <see cref="ShareDetailsService.RevealRecipientAsync"/>.
/// </summary>
public sealed record ShareDetails(
    int Id,
    int NoteId,
    int PatientId,
    string PatientName,
    string PsychologistName,
    string Recipient,
    ShareStatus Status,
    ShareReason? Reason,
    string? WithheldReason,
    string? ErrorCode,
    string? ErrorMessage,
    string? ProviderMessageId,
    int? Segments,
    string? Message,
    string? ConsentVersion,
    DateTime CreatedAtUtc,
    DateTime? SentAtUtc,
    IReadOnlyList<ShareAttemptDetails> Attempts,
    IReadOnlyList<ShareCallbackDetails> Callbacks);
