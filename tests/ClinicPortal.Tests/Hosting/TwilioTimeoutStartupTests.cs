using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Tests.Hosting;

/// <summary>The app refuses to start when the Twilio time limits do not fit inside the share lease.</summary>
public sealed class TwilioTimeoutStartupTests
{
    [Fact]
    public async Task RequestTimeoutAtLeastLease_StopsStart()
    {
        var error = await StartWithAsync(("Twilio:RequestTimeout", "00:03:00"), ("ProgressSharing:LeaseDuration", "00:02:00"));

        Assert.Equal(
            "Twilio:RequestTimeout (00:03:00) must be shorter than ProgressSharing:LeaseDuration (00:02:00). Lower the timeout or lengthen the lease.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public async Task ConnectTimeoutAtLeastRequestTimeout_StopsStart()
    {
        var error = await StartWithAsync(("Twilio:ConnectTimeout", "00:00:30"), ("Twilio:RequestTimeout", "00:00:30"));

        Assert.Equal(
            "Twilio:ConnectTimeout (00:00:30) must be positive and shorter than Twilio:RequestTimeout (00:00:30).",
            Assert.Single(error.Failures));
    }

    private static async Task<OptionsValidationException> StartWithAsync(params (string Key, string Value)[] settings)
    {
        using var database = new TestDatabaseFile();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var factory = new ClinicPortalFactory(database, twilio, dispatcherEnabled: false)
            .WithWebHostBuilder(builder =>
            {
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            });

        return Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
    }
}
