namespace ClinicPortal.Domain.Sharing;

/// <summary>What a failed send means for the message, which decides what the dispatcher does next.</summary>
public enum SmsFailureKind
{
    /// <summary>The message did not leave: the connection failed before the request went out, HTTP 429 or 503. Safe to retry.</summary>
    NotSent,

    /// <summary>The request may have reached the provider: a timeout after it was sent, HTTP 500, 502 or 504, or a response cut short. Never retried automatically.</summary>
    OutcomeUnknown,

    /// <summary>The provider rejected the message, for example an invalid number. Retrying would fail the same way.</summary>
    Permanent,
}
