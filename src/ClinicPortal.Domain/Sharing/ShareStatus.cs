namespace ClinicPortal.Domain.Sharing;

/// <summary>The state of a share. Queued, sent, delivered and undelivered are the statuses Twilio reports.</summary>
public enum ShareStatus
{
    Pending,
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Skipped,

    /// <summary>
    /// A send attempt may or may not have reached Twilio (a timeout after the request went out,
    /// HTTP 500, 502 or 504, or a crash while sending). It is never retried automatically,
    /// because Twilio may have sent the message; an admin can resend it.
    /// </summary>
    Unknown,
}
