namespace ClinicPortal.Domain.Sharing;

/// <summary>One request to the SMS provider for a share: when, to whom, how it ended and how long it took.</summary>
public sealed class ShareAttempt
{
    public long Id { get; private set; }

    public int ShareId { get; private set; }

    /// <summary>1 for the first attempt of a share, counting on through retries and resends.</summary>
    public int Number { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    public ShareAttemptOutcome Outcome { get; private set; }

    public string RecipientPhone { get; private set; } = "";

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public long? DurationMs { get; private set; }

    /// <summary>Identity user id of the admin who resent the share, or null for the dispatcher's own attempts.</summary>
    public string? RequestedByUserId { get; private set; }

    private ShareAttempt()
    {
    }

    internal ShareAttempt(int number, string recipientPhone, DateTime startedAtUtc, string? requestedByUserId)
    {
        Number = number;
        RecipientPhone = recipientPhone;
        StartedAtUtc = startedAtUtc;
        RequestedByUserId = requestedByUserId;
        Outcome = ShareAttemptOutcome.InFlight;
    }

    internal void Finish(ShareAttemptOutcome outcome, DateTime finishedAtUtc, string? errorCode = null, string? errorMessage = null)
    {
        Outcome = outcome;
        FinishedAtUtc = finishedAtUtc;
        DurationMs = (long)(finishedAtUtc - StartedAtUtc).TotalMilliseconds;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }
}
