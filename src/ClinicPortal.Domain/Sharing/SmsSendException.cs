namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Raised by an SMS adapter when a message was not accepted. <see cref="ErrorCode"/> is the
/// provider's code (for example Twilio's "21211") or, without one, the kind of failure, and
/// <see cref="Kind"/> tells whether the message may have left.
/// </summary>
public sealed class SmsSendException(
    string errorCode, SmsFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorCode { get; } = errorCode;

    public SmsFailureKind Kind { get; } = kind;

    /// <summary>The delay the provider asked for before the next request (HTTP Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
