using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Tests.Hosting;

/// <summary>The app refuses to start when the consent version in force has no consent text.</summary>
public sealed class ConsentTextStartupTests
{
    [Fact]
    public async Task MissingConsentText_StopsStart()
    {
        using var database = new TestDatabaseFile();
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var factory = new ClinicPortalFactory(database, twilio, dispatcherEnabled: false)
            .WithWebHostBuilder(builder => builder.UseSetting("ProgressSharing:ConsentVersion", "9.9"));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Equal(
            "ProgressSharing:ConsentVersion is 9.9, but ConsentTexts/9.9.md is missing. " +
            "Add the consent text for that version, or set ProgressSharing:ConsentVersion to a version that has one (available: 1.0).",
            Assert.Single(error.Failures));
    }
}
