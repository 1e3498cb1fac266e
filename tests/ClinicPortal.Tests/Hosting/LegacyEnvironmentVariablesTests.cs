using ClinicPortal.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClinicPortal.Tests.Hosting;

/// <summary>The original deployment's environment variables carry over, unless the current key is set.</summary>
public sealed class LegacyEnvironmentVariablesTests
{
    private static readonly Dictionary<string, string> OldVariables = new()
    {
        ["TWILIO_ACCOUNT_SID"] = "AC-old",
        ["TWILIO_AUTH_TOKEN"] = "token-old",
        ["TWILIO_PHONE_NUMBER"] = "+61400000001",
        ["PROGRESS_SHARING_CONSENT_VERSION"] = "1.0",
    };

    [Fact]
    public void OldVariables_FillCurrentKeys()
    {
        var configuration = new ConfigurationManager();

        configuration.AddLegacyEnvironmentVariables(name => OldVariables.GetValueOrDefault(name));

        Assert.Equal("AC-old", configuration["Twilio:AccountSid"]);
        Assert.Equal("token-old", configuration["Twilio:AuthToken"]);
        Assert.Equal("+61400000001", configuration["Twilio:PhoneNumber"]);
        Assert.Equal("1.0", configuration["ProgressSharing:ConsentVersion"]);
    }

    [Fact]
    public void CurrentKey_WinsOverOldVariable()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Twilio:AccountSid"] = "AC-new" });

        configuration.AddLegacyEnvironmentVariables(name => OldVariables.GetValueOrDefault(name));

        Assert.Equal("AC-new", configuration["Twilio:AccountSid"]);
        Assert.Equal("token-old", configuration["Twilio:AuthToken"]);
    }
}
