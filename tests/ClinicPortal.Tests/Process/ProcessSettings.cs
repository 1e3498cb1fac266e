using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Process;

/// <summary>App settings shared by the process tests.</summary>
internal static class ProcessSettings
{
    /// <summary>Upper bound for a dispatcher in another process to finish its work; a passing run takes a few seconds.</summary>
    public static readonly TimeSpan BackgroundTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Returns settings that point the real Twilio adapter at the fake server, so no request can
    /// reach Twilio. Callers add the progress sharing settings of their test.
    /// </summary>
    public static Dictionary<string, string> WithFakeTwilio(FakeTwilioServer twilio) => new()
    {
        ["Twilio:AccountSid"] = FakeTwilioServer.TestAccountSid,
        ["Twilio:AuthToken"] = FakeTwilioServer.TestAuthToken,
        ["Twilio:PhoneNumber"] = ClinicPortalFactory.SenderPhoneNumber,
        ["Twilio:MessagingServiceSid"] = "",
        ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
    };
}
