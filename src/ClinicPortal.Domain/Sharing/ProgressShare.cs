namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The record of sharing one note with the patient's emergency contact: exactly one per note,
/// created in the same transaction as the note, then advanced by the dispatcher and by
/// Twilio's status callbacks. Every request to the provider is kept in <see cref="Attempts"/>.
/// </summary>
public sealed class ProgressShare
{
    public int Id { get; private set; }

    public int NoteId { get; private set; }

    public int PatientId { get; private set; }

    /// <summary>
    /// Identity user id of the psychologist who wrote the note, copied from it so the share log's
    /// psychologist filter reads one indexed column instead of joining a million notes.
    /// </summary>
    public string PsychologistId { get; private set; } = "";

    public ShareStatus Status { get; private set; }

    public ShareReason? Reason { get; private set; }

    /// <summary>
    /// The psychologist's reason for withholding the note, when <see cref="Reason"/> is
    /// <see cref="ShareReason.WithheldByClinician"/>. Shown to staff, never to the patient.
    /// </summary>
    public string? WithheldReason { get; private set; }

    /// <summary>Number the update was last sent to, in E.164, read from the patient's record at send time.</summary>
    public string? RecipientPhone { get; private set; }

    /// <summary>Consent version in force when the note was created, or null when not shared.</summary>
    public string? ConsentVersion { get; private set; }

    /// <summary>The exact SMS text, built when the note was created.</summary>
    public string? Message { get; private set; }

    public int? Segments { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public int AttemptCount { get; private set; }

    /// <summary>Earliest time of the next attempt of a pending share, or null for as soon as possible.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>The dispatcher instance that claimed this share, until <see cref="LeaseExpiresAtUtc"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseExpiresAtUtc { get; private set; }

    /// <summary>Identity user id of the admin who asked for a resend that has not been attempted yet.</summary>
    public string? ResendRequestedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public List<ShareAttempt> Attempts { get; } = [];

    private ProgressShare()
    {
    }

    internal static ProgressShare Pending(int patientId, string psychologistId, string message, string consentVersion, DateTime nowUtc) => new()
    {
        PatientId = patientId,
        PsychologistId = psychologistId,
        Status = ShareStatus.Pending,
        Message = message,
        Segments = SmsSegments.Measure(message).Segments,
        ConsentVersion = consentVersion,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    internal static ProgressShare Skipped(int patientId, string psychologistId, ShareReason reason, DateTime nowUtc) => new()
    {
        PatientId = patientId,
        PsychologistId = psychologistId,
        Status = ShareStatus.Skipped,
        Reason = reason,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    internal static ProgressShare Withheld(int patientId, string psychologistId, string withheldReason, DateTime nowUtc) => new()
    {
        PatientId = patientId,
        PsychologistId = psychologistId,
        Status = ShareStatus.Skipped,
        Reason = ShareReason.WithheldByClinician,
        WithheldReason = withheldReason,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    internal void Skip(ShareReason reason, DateTime nowUtc)
    {
        EnsurePending();
        Status = ShareStatus.Skipped;
        Reason = reason;
        EndLease(nowUtc);
    }

    /// <summary>Records the start of a request to the provider. It is saved before the request goes out.</summary>
    internal ShareAttempt StartAttempt(string recipientPhone, DateTime nowUtc)
    {
        EnsurePending();
        RecipientPhone = recipientPhone;
        AttemptCount++;

        var attempt = new ShareAttempt(AttemptCount, recipientPhone, nowUtc, ResendRequestedByUserId);
        Attempts.Add(attempt);
        UpdatedAtUtc = nowUtc;
        return attempt;
    }

    /// <summary>Records that the provider accepted the message, with the status it reported.</summary>
    internal void MarkAccepted(ShareAttempt attempt, string providerMessageId, ShareStatus providerStatus, DateTime nowUtc)
    {
        EnsurePending();
        attempt.Finish(ShareAttemptOutcome.Accepted, nowUtc);
        ProviderMessageId = providerMessageId;
        Status = providerStatus;
        ErrorCode = null;
        ErrorMessage = null;
        SentAtUtc = nowUtc;
        EndLease(nowUtc);
    }

    /// <summary>Keeps the share pending after a request that did not leave, until <paramref name="nextAttemptAtUtc"/>.</summary>
    internal void ScheduleRetry(ShareAttempt attempt, string errorCode, string errorMessage, DateTime nextAttemptAtUtc, DateTime nowUtc)
    {
        EnsurePending();
        attempt.Finish(ShareAttemptOutcome.RetryScheduled, nowUtc, errorCode, errorMessage);
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        NextAttemptAtUtc = nextAttemptAtUtc;
        EndLease(nowUtc);
    }

    /// <summary>Marks a share whose message may or may not have left. It is never retried automatically.</summary>
    internal void MarkUnknown(ShareAttempt attempt, string errorCode, string errorMessage, DateTime nowUtc) =>
        EndWithError(attempt, ShareAttemptOutcome.Unknown, ShareStatus.Unknown, errorCode, errorMessage, nowUtc);

    internal void MarkFailed(ShareAttempt attempt, string errorCode, string errorMessage, DateTime nowUtc) =>
        EndWithError(attempt, ShareAttemptOutcome.Failed, ShareStatus.Failed, errorCode, errorMessage, nowUtc);

    /// <summary>Returns an attempt left in flight by a process that stopped while sending, if any.</summary>
    internal ShareAttempt? FindAttemptInFlight() => Attempts.LastOrDefault(a => a.Outcome == ShareAttemptOutcome.InFlight);

    /// <summary>Queues a failed or unknown share for one more attempt, on an admin's deliberate request.</summary>
    internal void RequestResend(string adminUserId, DateTime nowUtc)
    {
        if (Status is not (ShareStatus.Failed or ShareStatus.Unknown))
        {
            throw new InvalidOperationException($"Share {Id} is {Status}: only failed or unknown shares can be resent.");
        }

        Status = ShareStatus.Pending;
        NextAttemptAtUtc = null;
        ResendRequestedByUserId = adminUserId;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Applies a status reported by Twilio's status callback. Statuses only move forward
    /// (queued, sent, then delivered, undelivered or failed), so a late or repeated callback
    /// changes nothing. Returns whether the status changed.
    /// </summary>
    internal bool ApplyProviderStatus(ShareStatus reported, string? errorCode, DateTime nowUtc)
    {
        if (ProviderStatusMapping.Rank(reported) <= ProviderStatusMapping.Rank(Status))
        {
            return false;
        }

        Status = reported;
        if (errorCode is not null)
        {
            ErrorCode = errorCode;
            ErrorMessage = SmsErrorExplanations.Explain(errorCode);
        }

        UpdatedAtUtc = nowUtc;
        return true;
    }

    private void EndWithError(
        ShareAttempt attempt, ShareAttemptOutcome outcome, ShareStatus status, string errorCode, string errorMessage, DateTime nowUtc)
    {
        EnsurePending();
        attempt.Finish(outcome, nowUtc, errorCode, errorMessage);
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        EndLease(nowUtc);
    }

    /// <summary>Releases the dispatcher's claim. A resend request stays until the share leaves pending.</summary>
    private void EndLease(DateTime nowUtc)
    {
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
        if (Status != ShareStatus.Pending)
        {
            ResendRequestedByUserId = null;
        }

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
