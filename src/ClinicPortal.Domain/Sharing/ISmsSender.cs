namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The port through which shares leave the clinic. An adapter returns the provider's result, or
/// raises <see cref="SmsSendException"/> when the provider rejected or could not take the message.
/// </summary>
public interface ISmsSender
{
    /// <summary>A short name for logs, for example "Twilio".</summary>
    string Name { get; }

    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
