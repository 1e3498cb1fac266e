namespace ClinicPortal.Web.Sms;

/// <summary>Twilio account settings, bound from the "Twilio" section. Secrets come from user-secrets or the environment.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>Sender number in E.164. Either this or <see cref="MessagingServiceSid"/> is required.</summary>
    public string? PhoneNumber { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Base address of Twilio's REST API. Tests point it at a fake server on 127.0.0.1.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid)
        && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(PhoneNumber) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}
