namespace ClinicPortal.Domain.Sharing;

/// <summary>Where a share stands. Queued onward are the statuses Twilio reports.</summary>
public enum ShareStatus
{
    Pending,
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Skipped,
}
