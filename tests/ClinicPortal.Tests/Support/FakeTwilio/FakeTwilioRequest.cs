namespace ClinicPortal.Tests.Support.FakeTwilio;

/// <summary>
/// One request the fake Twilio server received on the Messages resource, with the SID of the
/// message in its response, or null when it responded with an error or dropped the connection.
/// </summary>
public sealed record FakeTwilioRequest(
    string PathAccountSid,
    string? BasicAuthAccountSid,
    string? To,
    string? From,
    string? MessagingServiceSid,
    string? Body,
    string? ResponseMessageSid)
{
    /// <summary>The StatusCallback form field: the address Twilio is asked to report delivery to.</summary>
    public string? StatusCallback { get; init; }
}
