using System.Net;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>
/// Failures after the request may have reached Twilio (a timeout, HTTP 500, 502 or 504, a
/// response cut short): the share ends unknown after one request and is never retried
/// automatically, because Twilio may have sent the message. An admin may resend it.
/// </summary>
public sealed class UnknownOutcomeTests
{
    /// <summary>Short enough to keep the test fast, long enough for a request to the fake to finish.</summary>
    private static readonly Dictionary<string, string?> ShortTimeout = new()
    {
        ["Twilio:ConnectTimeout"] = "00:00:00.250",
        ["Twilio:RequestTimeout"] = "00:00:00.500",
    };

    public static TheoryData<int, int, string, string> ServerErrors() => new()
    {
        { 500, 20500, "Internal Server Error", "Twilio answered HTTP 500, code 20500: Internal Server Error" },
        { 502, 20502, "Bad Gateway", "Twilio answered HTTP 502, code 20502: Bad Gateway" },
        { 504, 20504, "Gateway Timeout", "Twilio answered HTTP 504, code 20504: Gateway Timeout" },
    };

    [Theory]
    [MemberData(nameof(ServerErrors))]
    public async Task ServerError_UnknownAfterOneRequest(int statusCode, int errorCode, string errorMessage, string expectedMessage)
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(statusCode, errorCode, errorMessage));

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var handledAgain = await scenario.DispatchAsync();
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("unknown", row.GetProperty("status").GetString());
        Assert.Equal(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("error_code").GetString());
        Assert.Equal(expectedMessage, row.GetProperty("error_message").GetString());
        Assert.Equal(0, handledAgain);
        Assert.Single(scenario.Twilio.Requests);
        Assert.Equal(ShareAttemptOutcome.Unknown, Assert.Single(share.Attempts).Outcome);
    }

    [Fact]
    public async Task Timeout_UnknownAfterOneRequest()
    {
        await using var scenario = await SharingScenario.StartAsync(ShortTimeout);
        var neverReleased = new TaskCompletionSource();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Held(neverReleased.Task));

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var handledAgain = await scenario.DispatchAsync();
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("unknown", row.GetProperty("status").GetString());
        Assert.Equal("Timeout", row.GetProperty("error_code").GetString());
        Assert.Equal("The request to Twilio timed out after it was sent.", row.GetProperty("error_message").GetString());
        Assert.Equal(0, handledAgain);
        Assert.Single(scenario.Twilio.Requests);
        Assert.Equal(ShareAttemptOutcome.Unknown, Assert.Single(share.Attempts).Outcome);
    }

    [Fact]
    public async Task DroppedConnection_NotRetriedByLaterRuns()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.ConnectionDropped());

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var firstRun = await scenario.DispatchAsync();
        var secondRun = await scenario.DispatchAsync();

        Assert.Equal("unknown", row.GetProperty("status").GetString());
        Assert.Equal("ApiConnectionException", row.GetProperty("error_code").GetString());
        Assert.Equal(0, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Single(scenario.Twilio.Requests);
    }

    [Fact]
    public async Task AttemptSaved_BeforeRequestCompletes()
    {
        await using var scenario = await SharingScenario.StartAsync();
        var release = new TaskCompletionSource();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Held(release.Task));

        var noteId = await scenario.CreateNoteAsync();
        await scenario.Twilio.WaitForRequestsAsync(1, PortalTestHost.BackgroundTimeout);
        var whileHeld = await scenario.LoadShareAsync(noteId);
        release.SetResult();
        var row = await scenario.WaitUntilSharedAsync(noteId);

        // A crash at this point would leave the attempt in flight, so no later start sends it again.
        Assert.Equal(ShareStatus.Pending, whileHeld.Status);
        Assert.Equal(ShareAttemptOutcome.InFlight, Assert.Single(whileHeld.Attempts).Outcome);
        Assert.Equal(1, whileHeld.AttemptCount);
        Assert.NotNull(whileHeld.LeaseOwner);
        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Single(scenario.Twilio.Requests);
    }

    [Fact]
    public async Task AdminResend_SendsOnceMoreAsAdmin()
    {
        await using var scenario = await SharingScenario.StartAsync(ShortTimeout);
        scenario.Twilio.Enqueue(FakeTwilioResponse.Held(new TaskCompletionSource().Task));
        var adminId = await scenario.Host.GetUserIdAsync(DemoAccounts.AdminEmail);
        var noteId = await scenario.CreateNoteAsync();
        var unknown = await scenario.WaitUntilSharedAsync(noteId);
        var shareId = unknown.GetProperty("id").GetInt32();

        var resend = await scenario.Admin.PostAsync($"/api/admin/share-log/{shareId}/resend/", content: null);
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("unknown", unknown.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal("queued", row.GetProperty("status").GetString());
        Assert.Equal(2, scenario.Twilio.Requests.Count);
        Assert.Equal(scenario.Twilio.Requests[1].ResponseMessageSid, row.GetProperty("provider_message_id").GetString());
        Assert.Equal([ShareAttemptOutcome.Unknown, ShareAttemptOutcome.Accepted], share.Attempts.Select(a => a.Outcome));
        Assert.Null(share.Attempts[0].RequestedByUserId);
        Assert.Equal(adminId, share.Attempts[1].RequestedByUserId);
        Assert.Null(share.ResendRequestedByUserId);
    }

    [Fact]
    public async Task ResendByPsychologist_Forbidden()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.ConnectionDropped());
        var noteId = await scenario.CreateNoteAsync();
        var unknown = await scenario.WaitUntilSharedAsync(noteId);

        var resend = await scenario.Psychologist.PostAsync($"/api/admin/share-log/{unknown.GetProperty("id").GetInt32()}/resend/", content: null);
        var handled = await scenario.DispatchAsync();

        Assert.Equal(HttpStatusCode.Forbidden, resend.StatusCode);
        Assert.Equal(0, handled);
        Assert.Single(scenario.Twilio.Requests);
    }
}
