using System.Net;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>GET /health: healthy normally, degraded when a share waits too long or the last ten attempts all failed.</summary>
public sealed class ShareDispatchHealthTests
{
    [Fact]
    public async Task NothingWaiting_Healthy()
    {
        await using var scenario = await SharingScenario.StartAsync();
        var noteId = await scenario.CreateNoteAsync();
        await scenario.WaitUntilSharedAsync(noteId);

        var (status, body) = await GetHealthAsync(scenario);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task ShareWaitingPastStaleAfter_Degraded()
    {
        // No dispatcher runs, so the share stays pending; one second is the shortest StaleAfter allowed.
        await using var scenario = await SharingScenario.StartAsync(
            new Dictionary<string, string?> { ["ProgressSharing:StaleAfter"] = "00:00:01" },
            dispatcherEnabled: false);
        var beforeNote = await GetHealthAsync(scenario);

        await scenario.CreateNoteAsync();
        var (status, body) = await Eventually.WaitUntilAsync(
            () => GetHealthAsync(scenario),
            health => health.Body != "Healthy",
            PortalTestHost.BackgroundTimeout,
            "the health check reports the waiting share");

        Assert.Equal("Healthy", beforeNote.Body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body);
        Assert.Empty(scenario.Twilio.Requests);
    }

    [Fact]
    public async Task LastTenAttemptsFailed_Degraded()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(Enumerable.Range(0, 10).Select(_ => FakeTwilioResponse.AuthenticationError()).ToArray());

        for (var note = 1; note <= 9; note++)
        {
            await scenario.WaitUntilSharedAsync(await scenario.CreateNoteAsync());
        }

        var afterNine = await GetHealthAsync(scenario);
        await scenario.WaitUntilSharedAsync(await scenario.CreateNoteAsync());
        var afterTen = await GetHealthAsync(scenario);
        await scenario.WaitUntilSharedAsync(await scenario.CreateNoteAsync());
        var afterSuccess = await GetHealthAsync(scenario);

        Assert.Equal("Healthy", afterNine.Body);
        Assert.Equal("Degraded", afterTen.Body);
        Assert.Equal("Healthy", afterSuccess.Body);
        Assert.Equal(11, scenario.Twilio.Requests.Count);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetHealthAsync(SharingScenario scenario)
    {
        var response = await scenario.Host.CreateAnonymousClient().GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
