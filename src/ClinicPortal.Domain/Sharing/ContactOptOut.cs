namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// A phone number that replied STOP (or that Twilio reported as opted out). No share is sent
/// to it until it replies START or the patient enters another number.
/// </summary>
public sealed class ContactOptOut
{
    /// <summary>The number in E.164.</summary>
    public string PhoneNumber { get; private set; } = "";

    public DateTime OptedOutAtUtc { get; private set; }

    /// <summary>How the opt-out arrived, for example "STOP reply" or "Twilio error 21610".</summary>
    public string Source { get; private set; } = "";

    private ContactOptOut()
    {
    }

    public ContactOptOut(string phoneNumber, DateTime optedOutAtUtc, string source)
    {
        PhoneNumber = phoneNumber;
        OptedOutAtUtc = optedOutAtUtc;
        Source = source;
    }
}
