using System.Net;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>
/// SMS replies on POST /api/twilio/inbound: an opt-out keyword from the contact's number stops
/// later updates, an opt-in keyword resumes them, and an unsigned request changes nothing.
/// </summary>
public sealed class InboundSmsTests : IAsyncLifetime
{
    private const string StatusCallbackUrl = "https://clinic.example/api/twilio/status";

    /// <summary>The inbound address derived from the status callback address, which the signature covers.</summary>
    private const string InboundUrl = "https://clinic.example/api/twilio/inbound";

    private SharingScenario _scenario = null!;
    private SharingConsentService _consent = null!;
    private string _patientUserId = "";

    public async Task InitializeAsync()
    {
        _scenario = await SharingScenario.StartAsync(new Dictionary<string, string?> { ["Twilio:StatusCallbackUrl"] = StatusCallbackUrl });
        _consent = _scenario.Host.App.Services.GetRequiredService<SharingConsentService>();
        _patientUserId = await _scenario.Host.GetUserIdAsync(DemoAccounts.PatientEmail);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    [InlineData("STOP")]
    [InlineData("STOPALL")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData(" stop ")]
    public async Task StopKeyword_SkipsNextNote(string body)
    {
        var response = await PostReplyAsync(body);
        var created = await _scenario.CreateNoteWithBodyAsync();
        var handled = await _scenario.DispatchAsync();
        var preferences = await _consent.GetOwnAsync(_patientUserId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("skipped", created.GetProperty("share_status").GetString());
        Assert.Equal("recipient_opted_out", created.GetProperty("share_reason").GetString());
        Assert.Equal(0, handled);
        Assert.True(preferences.ContactOptedOut);
        Assert.Empty(_scenario.Twilio.Requests);
    }

    [Theory]
    [InlineData("START")]
    [InlineData("UNSTOP")]
    [InlineData("YES")]
    public async Task StartKeyword_ResumesSharing(string body)
    {
        await PostReplyAsync("STOP");
        var optedOut = await _consent.GetOwnAsync(_patientUserId);

        var response = await PostReplyAsync(body);
        var noteId = await _scenario.CreateNoteAsync();
        var row = await _scenario.WaitUntilSharedAsync(noteId);
        var preferences = await _consent.GetOwnAsync(_patientUserId);

        Assert.True(optedOut.ContactOptedOut);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(preferences.ContactOptedOut);
        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Single(_scenario.Twilio.Requests);
    }

    [Fact]
    public async Task StopFromOtherNumber_ChangesNothing()
    {
        await PostReplyAsync("STOP", from: "+61491570157");
        var noteId = await _scenario.CreateNoteAsync();
        var row = await _scenario.WaitUntilSharedAsync(noteId);
        var preferences = await _consent.GetOwnAsync(_patientUserId);

        Assert.False(preferences.ContactOptedOut);
        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Single(_scenario.Twilio.Requests);
    }

    [Fact]
    public async Task UnsignedStop_ForbiddenNotOptedOut()
    {
        var response = await _scenario.PostWebhookAsync("/api/twilio/inbound", ReplyForm("STOP", DemoAccounts.EmergencyContactPhone), signature: null);
        var preferences = await _consent.GetOwnAsync(_patientUserId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(preferences.ContactOptedOut);
        Assert.Equal(0, await _scenario.Host.CountRowsAsync("ContactOptOuts"));
    }

    [Fact]
    public async Task StopSignedForStatusUrl_Forbidden()
    {
        var form = ReplyForm("STOP", DemoAccounts.EmergencyContactPhone);

        var response = await _scenario.PostSignedWebhookAsync("/api/twilio/inbound", StatusCallbackUrl, form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _scenario.Host.CountRowsAsync("ContactOptOuts"));
    }

    [Fact]
    public async Task ConfiguredInboundUrl_IsTheSignedAddress()
    {
        const string configuredInboundUrl = "https://sms.clinic.example/hooks/inbound";
        await using var scenario = await SharingScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:StatusCallbackUrl"] = StatusCallbackUrl,
            ["Twilio:InboundUrl"] = configuredInboundUrl,
        });
        var consent = scenario.Host.App.Services.GetRequiredService<SharingConsentService>();
        var form = ReplyForm("STOP", DemoAccounts.EmergencyContactPhone);

        var signedForDerivedUrl = await scenario.PostSignedWebhookAsync("/api/twilio/inbound", InboundUrl, form);
        var signedForConfiguredUrl = await scenario.PostSignedWebhookAsync("/api/twilio/inbound", configuredInboundUrl, form);
        var preferences = await consent.GetOwnAsync(await scenario.Host.GetUserIdAsync(DemoAccounts.PatientEmail));

        Assert.Equal(HttpStatusCode.Forbidden, signedForDerivedUrl.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedForConfiguredUrl.StatusCode);
        Assert.True(preferences.ContactOptedOut);
    }

    private Task<HttpResponseMessage> PostReplyAsync(string body, string from = DemoAccounts.EmergencyContactPhone) =>
        _scenario.PostSignedWebhookAsync("/api/twilio/inbound", InboundUrl, ReplyForm(body, from));

    private static Dictionary<string, string> ReplyForm(string body, string from) => new()
    {
        ["MessageSid"] = "SM11111111111111111111111111111111",
        ["AccountSid"] = FakeTwilioServer.TestAccountSid,
        ["From"] = from,
        ["To"] = ClinicPortalFactory.SenderPhoneNumber,
        ["Body"] = body,
    };
}
