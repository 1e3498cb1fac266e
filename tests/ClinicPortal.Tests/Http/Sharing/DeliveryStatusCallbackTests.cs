using System.Net;
using System.Text.Json;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>
/// Twilio's delivery status callbacks on POST /api/twilio/status: signed with the auth token,
/// applied only forward (queued, sent, then a final status) and each one stored.
/// </summary>
public sealed class DeliveryStatusCallbackTests : IAsyncLifetime
{
    /// <summary>The public address passed to Twilio as StatusCallback. Tests only sign it, and no request goes to it.</summary>
    private const string StatusCallbackUrl = "https://clinic.example/api/twilio/status";

    private SharingScenario _scenario = null!;

    public async Task InitializeAsync() =>
        _scenario = await SharingScenario.StartAsync(new Dictionary<string, string?> { ["Twilio:StatusCallbackUrl"] = StatusCallbackUrl });

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Send_PassesStatusCallbackUrl()
    {
        var noteId = await _scenario.CreateNoteAsync();
        await _scenario.WaitUntilSharedAsync(noteId);

        var request = Assert.Single(_scenario.Twilio.Requests);
        Assert.Equal(StatusCallbackUrl, request.StatusCallback);
    }

    [Fact]
    public async Task UndeliveredCallback_SetsStatusAndCode()
    {
        var (noteId, sid) = await SendNoteAsync();
        var afterSave = await _scenario.GetShareAsync(noteId);

        var response = await PostStatusAsync(sid, "undelivered", "30003");
        var afterCallback = await _scenario.GetShareAsync(noteId);

        Assert.Equal("queued", afterSave.GetProperty("status").GetString());
        Assert.Equal(sid, afterSave.GetProperty("provider_message_id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("undelivered", afterCallback.GetProperty("status").GetString());
        Assert.Equal("30003", afterCallback.GetProperty("error_code").GetString());
        Assert.Equal("The handset was unreachable: it may be switched off or out of coverage.", afterCallback.GetProperty("error_message").GetString());
        Assert.Equal(1, await _scenario.Host.CountRowsAsync("ShareStatusCallbacks"));
    }

    [Fact]
    public async Task MissingSignature_ForbiddenShareUnchanged()
    {
        var (noteId, sid) = await SendNoteAsync();

        var response = await _scenario.PostWebhookAsync("/api/twilio/status", StatusForm(sid, "delivered", ""), signature: null);
        var share = await _scenario.GetShareAsync(noteId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("queued", share.GetProperty("status").GetString());
        Assert.Equal(0, await _scenario.Host.CountRowsAsync("ShareStatusCallbacks"));
    }

    [Fact]
    public async Task WrongSignature_ForbiddenShareUnchanged()
    {
        var (noteId, sid) = await SendNoteAsync();
        var signedForOtherStatus = TwilioSignature.Compute(
            FakeTwilioServer.TestAuthToken, StatusCallbackUrl, StatusForm(sid, "sent", ""));
        var signedWithOtherToken = TwilioSignature.Compute("another-auth-token", StatusCallbackUrl, StatusForm(sid, "delivered", ""));

        var tampered = await _scenario.PostWebhookAsync("/api/twilio/status", StatusForm(sid, "delivered", ""), signedForOtherStatus);
        var otherToken = await _scenario.PostWebhookAsync("/api/twilio/status", StatusForm(sid, "delivered", ""), signedWithOtherToken);
        var share = await _scenario.GetShareAsync(noteId);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherToken.StatusCode);
        Assert.Equal("queued", share.GetProperty("status").GetString());
        Assert.Equal(0, await _scenario.Host.CountRowsAsync("ShareStatusCallbacks"));
    }

    [Fact]
    public async Task LateSentCallback_StaysDelivered()
    {
        var (noteId, sid) = await SendNoteAsync();

        var delivered = await PostStatusAsync(sid, "delivered", "");
        var lateSent = await PostStatusAsync(sid, "sent", "");
        var share = await _scenario.GetShareAsync(noteId);
        var callbacks = await LoadCallbacksAsync();

        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, lateSent.StatusCode);
        Assert.Equal("delivered", share.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("error_code").ValueKind);
        Assert.Equal([("delivered", true), ("sent", false)], callbacks);
    }

    [Fact]
    public async Task RepeatedCallback_IsIdempotent()
    {
        var (noteId, sid) = await SendNoteAsync();

        await PostStatusAsync(sid, "sent", "");
        var afterFirst = await _scenario.GetShareAsync(noteId);
        var repeated = await PostStatusAsync(sid, "sent", "");
        var afterRepeat = await _scenario.GetShareAsync(noteId);
        var callbacks = await LoadCallbacksAsync();

        Assert.Equal(HttpStatusCode.NoContent, repeated.StatusCode);
        Assert.Equal("sent", afterFirst.GetProperty("status").GetString());
        Assert.Equal("sent", afterRepeat.GetProperty("status").GetString());
        Assert.Equal([("sent", true), ("sent", false)], callbacks);
    }

    [Fact]
    public async Task UnknownMessageSid_StoresNothing()
    {
        await SendNoteAsync();

        var response = await PostStatusAsync("SM00000000000000000000000000000000", "delivered", "");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await _scenario.Host.CountRowsAsync("ShareStatusCallbacks"));
    }

    private async Task<(int NoteId, string Sid)> SendNoteAsync()
    {
        var noteId = await _scenario.CreateNoteAsync();
        await _scenario.WaitUntilSharedAsync(noteId);
        return (noteId, Assert.Single(_scenario.Twilio.Requests).ResponseMessageSid!);
    }

    private Task<HttpResponseMessage> PostStatusAsync(string sid, string status, string errorCode) =>
        _scenario.PostSignedWebhookAsync("/api/twilio/status", StatusCallbackUrl, StatusForm(sid, status, errorCode));

    private static Dictionary<string, string> StatusForm(string sid, string status, string errorCode) => new()
    {
        ["MessageSid"] = sid,
        ["MessageStatus"] = status,
        ["ErrorCode"] = errorCode,
        ["AccountSid"] = FakeTwilioServer.TestAccountSid,
    };

    /// <summary>Returns every stored callback in arrival order, as its status and whether it was applied.</summary>
    private async Task<List<(string, bool)>> LoadCallbacksAsync()
    {
        await using var db = await _scenario.Host.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var callbacks = await db.ShareStatusCallbacks.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        return callbacks.Select(c => (c.ProviderStatus, c.Applied)).ToList();
    }
}
