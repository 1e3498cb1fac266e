using System.Globalization;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Plain-English explanations of Twilio error codes, for admins reading the share log.</summary>
public static class SmsErrorExplanations
{
    public const string RecipientOptedOut = "21610";
    public const string InvalidNumber = "21211";
    public const string NotMobile = "21614";

    private static readonly Dictionary<string, string> Explanations = new()
    {
        [InvalidNumber] = "The emergency contact's number is not a valid phone number.",
        [NotMobile] = "The emergency contact's number is not a mobile number, so it cannot receive SMS.",
        ["21408"] = "SMS to this country is not enabled on the clinic's Twilio account.",
        ["20003"] = "Twilio rejected the clinic's credentials: check Twilio:AccountSid and Twilio:AuthToken.",
        [RecipientOptedOut] = "The recipient has opted out: they replied STOP to an earlier message.",
        ["30003"] = "The handset was unreachable: it may be switched off or out of coverage.",
        ["30005"] = "The number is unknown to the carrier: it may no longer be in service.",
        ["30006"] = "The number is a landline or cannot receive SMS.",
        ["30007"] = "The carrier filtered the message as spam.",
        ["30008"] = "The carrier reported an unknown delivery error.",
    };

    /// <summary>Returns the explanation of a code, or a generic sentence that names the code.</summary>
    public static string Explain(string errorCode) =>
        Explanations.TryGetValue(errorCode, out var explanation)
            ? explanation
            : string.Create(CultureInfo.InvariantCulture, $"Twilio reported error {errorCode}.");

    /// <summary>Whether a send error means the contact's number itself cannot receive SMS.</summary>
    public static bool IsUndeliverableNumber(string errorCode) => errorCode is InvalidNumber or NotMobile;
}
