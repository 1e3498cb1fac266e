namespace ClinicPortal.Domain.Sharing;

/// <summary>The outcome groups of the sharing dashboard's chart, each a set of share statuses.</summary>
public enum ShareOutcome
{
    /// <summary>Delivered to the handset, as Twilio reported.</summary>
    Delivered,

    /// <summary>Accepted by Twilio (queued or sent) with no delivery report yet.</summary>
    Sent,

    /// <summary>Failed, undelivered, or with an unknown outcome: an admin may need to act.</summary>
    Failed,

    /// <summary>Not sent, for a recorded reason such as no consent.</summary>
    Skipped,

    /// <summary>Waiting to be sent.</summary>
    Pending,
}
