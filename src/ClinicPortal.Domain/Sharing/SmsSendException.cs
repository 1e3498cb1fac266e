namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Raised by an SMS adapter when a message was not taken. <see cref="ErrorCode"/> is the
/// provider's code (for example Twilio's "21211") or, without one, the kind of failure.
/// </summary>
public sealed class SmsSendException(string errorCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorCode { get; } = errorCode;
}
