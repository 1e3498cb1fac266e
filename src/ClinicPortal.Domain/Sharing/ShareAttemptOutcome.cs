namespace ClinicPortal.Domain.Sharing;

/// <summary>How one send attempt ended.</summary>
public enum ShareAttemptOutcome
{
    /// <summary>The request is being sent now. Found after a crash, it means the outcome is unknown.</summary>
    InFlight,

    Accepted,

    /// <summary>The message did not leave; another attempt is scheduled.</summary>
    RetryScheduled,

    /// <summary>The message may or may not have been sent.</summary>
    Unknown,

    Failed,
}
