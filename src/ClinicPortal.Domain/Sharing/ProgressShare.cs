namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The record of sharing one note with the patient's emergency contact: exactly one per note,
/// created in the same transaction as the note, then updated by the dispatcher.
/// </summary>
public sealed class ProgressShare
{
    public int Id { get; private set; }

    public int NoteId { get; private set; }

    public int PatientId { get; private set; }

    public ShareStatus Status { get; private set; }

    public ShareReason? Reason { get; private set; }

    /// <summary>Number the update was sent to, in E.164, set when it is sent.</summary>
    public string? RecipientPhone { get; private set; }

    /// <summary>Consent version in force when the note was created, or null when not shared.</summary>
    public string? ConsentVersion { get; private set; }

    /// <summary>The exact SMS text, built when the note was created.</summary>
    public string? Message { get; private set; }

    public int? Segments { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    private ProgressShare()
    {
    }

    internal static ProgressShare Pending(int patientId, string message, string consentVersion, DateTime nowUtc) => new()
    {
        PatientId = patientId,
        Status = ShareStatus.Pending,
        Message = message,
        Segments = SmsSegments.Measure(message).Segments,
        ConsentVersion = consentVersion,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    internal static ProgressShare Skipped(int patientId, ShareReason reason, DateTime nowUtc) => new()
    {
        PatientId = patientId,
        Status = ShareStatus.Skipped,
        Reason = reason,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    internal void Skip(ShareReason reason, DateTime nowUtc)
    {
        EnsurePending();
        Status = ShareStatus.Skipped;
        Reason = reason;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Records that the provider accepted the message, with the status it reported.</summary>
    internal void MarkAccepted(string recipientPhone, string providerMessageId, ShareStatus providerStatus, DateTime nowUtc)
    {
        EnsurePending();
        RecipientPhone = recipientPhone;
        ProviderMessageId = providerMessageId;
        Status = providerStatus;
        SentAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    internal void MarkFailed(string recipientPhone, string errorCode, string errorMessage, DateTime nowUtc)
    {
        EnsurePending();
        RecipientPhone = recipientPhone;
        Status = ShareStatus.Failed;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        UpdatedAtUtc = nowUtc;
    }

    private void EnsurePending()
    {
        if (Status != ShareStatus.Pending)
        {
            throw new InvalidOperationException($"Share {Id} is {Status}, not pending.");
        }
    }
}
