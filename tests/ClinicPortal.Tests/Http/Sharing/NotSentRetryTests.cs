using System.Net;
using System.Net.Sockets;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>
/// Failures that mean Twilio did not take the message (a refused connection, HTTP 429 or 503):
/// the dispatcher retries with backoff, honours Retry-After and gives up after MaxAttempts.
/// </summary>
public sealed class NotSentRetryTests
{
    private static FakeTwilioResponse ServiceUnavailable() => FakeTwilioResponse.Error(503, 20503, "Service Unavailable");

    [Fact]
    public async Task ServiceUnavailableTwice_ThirdAttemptQueued()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(ServiceUnavailable(), ServiceUnavailable());

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Equal(3, scenario.Twilio.Requests.Count);
        Assert.Equal(scenario.Twilio.Requests[2].ResponseMessageSid, share.ProviderMessageId);
        Assert.Equal(3, share.AttemptCount);
        Assert.Equal(
            [ShareAttemptOutcome.RetryScheduled, ShareAttemptOutcome.RetryScheduled, ShareAttemptOutcome.Accepted],
            share.Attempts.Select(a => a.Outcome));
        Assert.Equal(["20503", "20503", null], share.Attempts.Select(a => a.ErrorCode));
        Assert.Null(share.ErrorCode);

        // With a 50 ms base delay and jitter from 0.5 to 1, the waits are at least 25 ms, then 50 ms.
        Assert.True(share.Attempts[1].StartedAtUtc - share.Attempts[0].FinishedAtUtc!.Value >= TimeSpan.FromMilliseconds(25));
        Assert.True(share.Attempts[2].StartedAtUtc - share.Attempts[1].FinishedAtUtc!.Value >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(429, 20429, "Too Many Requests") with { RetryAfterSeconds = 1 });

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Equal(2, scenario.Twilio.Requests.Count);
        Assert.Equal([ShareAttemptOutcome.RetryScheduled, ShareAttemptOutcome.Accepted], share.Attempts.Select(a => a.Outcome));
        Assert.Equal("20429", share.Attempts[0].ErrorCode);

        // Retry-After (1 s) is longer than the jittered backoff (at most 50 ms), so it sets the time.
        var firstFinished = share.Attempts[0].FinishedAtUtc!.Value;
        Assert.Equal(firstFinished + TimeSpan.FromSeconds(1), share.NextAttemptAtUtc);
        Assert.True(share.Attempts[1].StartedAtUtc >= firstFinished + TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(503, "<html><body>503 Service Temporarily Unavailable</body></html>", "HTTP503")]
    [InlineData(429, "", "HTTP429")]
    public async Task NonTwilioErrorBody_StillRetried(int statusCode, string body, string expectedCode)
    {
        // The SDK reports status 0 for a body that is not a Twilio error, as a proxy might send.
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.NonTwilioError(statusCode, body) with { RetryAfterSeconds = 1 });

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Equal(2, scenario.Twilio.Requests.Count);
        Assert.Equal([ShareAttemptOutcome.RetryScheduled, ShareAttemptOutcome.Accepted], share.Attempts.Select(a => a.Outcome));
        Assert.Equal(expectedCode, share.Attempts[0].ErrorCode);
        Assert.Equal(share.Attempts[0].FinishedAtUtc!.Value + TimeSpan.FromSeconds(1), share.NextAttemptAtUtc);
    }

    [Theory]
    [InlineData(502, "unknown", "HTTP502")]
    [InlineData(404, "failed", "HTTP404")]
    public async Task NonTwilioErrorBody_ClassifiedByStatus(int statusCode, string expectedStatus, string expectedCode)
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.NonTwilioError(statusCode, "<html><body>Error</body></html>"));

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);

        Assert.Equal(expectedStatus, row.GetProperty("status").GetString());
        Assert.Equal(expectedCode, row.GetProperty("error_code").GetString());
        Assert.Single(scenario.Twilio.Requests);
    }

    [Fact]
    public async Task AlwaysUnavailable_FailsAfterMaxAttempts()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(Enumerable.Range(0, 5).Select(_ => ServiceUnavailable()).ToArray());

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var handledAfterFailure = await scenario.DispatchAsync();
        var share = await scenario.LoadShareAsync(noteId);

        // The script is empty after five responses, so a sixth request would be accepted.
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal("20503", row.GetProperty("error_code").GetString());
        Assert.Equal(
            "Not sent after 5 attempts: Twilio answered HTTP 503, code 20503: Service Unavailable",
            row.GetProperty("error_message").GetString());
        Assert.Equal(0, handledAfterFailure);
        Assert.Equal(5, scenario.Twilio.Requests.Count);
        Assert.Equal(5, share.AttemptCount);
        Assert.Equal(
            [.. Enumerable.Repeat(ShareAttemptOutcome.RetryScheduled, 4), ShareAttemptOutcome.Failed],
            share.Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task ConnectionRefused_RetriedOnceTwilioIsBack()
    {
        // The first attempt goes to a closed port; a fake Twilio then starts on that port. The
        // base delay of 1 s leaves at least 0.5 s to start it before the second attempt.
        var port = FindFreePort();
        await using var scenario = await SharingScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{port}/",
            ["ProgressSharing:RetryBaseDelay"] = "00:00:01",
        });

        var noteId = await scenario.CreateNoteAsync();
        var retrying = await Eventually.WaitUntilAsync(
            () => scenario.LoadShareAsync(noteId),
            share => share.Attempts.Count == 1 && share.Attempts[0].Outcome == ShareAttemptOutcome.RetryScheduled,
            PortalTestHost.BackgroundTimeout,
            "the first attempt is refused and a retry is scheduled");
        await using var twilio = await FakeTwilioServer.StartAsync(port);
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("ApiConnectionException", retrying.ErrorCode);
        Assert.Equal(ShareStatus.Pending, retrying.Status);
        Assert.NotNull(retrying.NextAttemptAtUtc);
        Assert.Equal("queued", row.GetProperty("status").GetString());
        var request = Assert.Single(twilio.Requests);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, request.To);
        Assert.Empty(scenario.Twilio.Requests);
        Assert.Equal([ShareAttemptOutcome.RetryScheduled, ShareAttemptOutcome.Accepted], share.Attempts.Select(a => a.Outcome));
        Assert.Equal(request.ResponseMessageSid, share.ProviderMessageId);
    }

    [Fact]
    public async Task ConnectTimeout_RetryScheduled()
    {
        // A listener that never accepts, with its backlog of one taken, leaves the next connection
        // attempt without a reply, as a firewall that drops packets would.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen(0);
        var port = ((IPEndPoint)silent.LocalEndPoint!).Port;
        using var backlogFiller = new TcpClient();
        await backlogFiller.ConnectAsync(IPAddress.Loopback, port);

        await using var scenario = await SharingScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{port}/",
            ["Twilio:ConnectTimeout"] = "00:00:00.500",
            ["ProgressSharing:RetryBaseDelay"] = "00:10:00",
        });

        var noteId = await scenario.CreateNoteAsync();
        var share = await Eventually.WaitUntilAsync(
            () => scenario.LoadShareAsync(noteId),
            share => share.Attempts.Count == 1 && share.Attempts[0].Outcome != ShareAttemptOutcome.InFlight,
            PortalTestHost.BackgroundTimeout,
            "the first attempt times out while connecting");

        Assert.Equal(ShareAttemptOutcome.RetryScheduled, share.Attempts[0].Outcome);
        Assert.Equal("ApiConnectionException", share.Attempts[0].ErrorCode);
        Assert.Equal(ShareStatus.Pending, share.Status);
        Assert.NotNull(share.NextAttemptAtUtc);
        Assert.Empty(scenario.Twilio.Requests);
    }

    /// <summary>Returns a port on 127.0.0.1 that was free a moment ago and on which nothing listens now.</summary>
    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
