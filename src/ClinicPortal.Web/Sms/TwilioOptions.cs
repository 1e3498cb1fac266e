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

    /// <summary>
    /// Public address of POST /api/twilio/status, as Twilio calls it (behind a proxy, the proxy's
    /// address). When set, it is passed with each message and used to check callback signatures.
    /// </summary>
    public Uri? StatusCallbackUrl { get; set; }

    /// <summary>
    /// Public address of POST /api/twilio/inbound, used to check the signature of SMS replies.
    /// Without it, the status callback address with the path /api/twilio/inbound is used.
    /// </summary>
    public Uri? InboundUrl { get; set; }

    /// <summary>Time limit of one request to Twilio. A request that times out has an unknown outcome.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit for opening the TCP connection to Twilio. Nothing has been sent when it runs
    /// out, so the share is retried. It must be shorter than <see cref="RequestTimeout"/>.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid)
        && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(PhoneNumber) || !string.IsNullOrWhiteSpace(MessagingServiceSid));

    /// <summary>Returns the public address of the inbound webhook, or null when neither address is set.</summary>
    public Uri? ResolveInboundUrl() =>
        InboundUrl ?? (StatusCallbackUrl is { } status ? new Uri(status, "/api/twilio/inbound") : null);
}
