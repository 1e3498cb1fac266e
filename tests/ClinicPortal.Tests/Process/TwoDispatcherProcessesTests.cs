using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Process;

/// <summary>
/// Two app processes whose dispatchers send from one database file to one fake Twilio server,
/// after the app in memory saved the pending shares. Each share is claimed with a conditional
/// update, so each is sent by one process, once.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class TwoDispatcherProcessesTests
{
    private const int ShareCount = 200;
    private const int MaxConcurrentSends = 4;

    [Fact]
    public async Task TwoProcesses_SendEachShareOnce()
    {
        await using var seeding = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        await SeedPendingSharesAsync(seeding);
        await seeding.StopAppAsync();
        var database = seeding.Database;
        var twilio = seeding.Twilio;
        var sharesBefore = await ShareRow.ReadAllAsync(database.ConnectionString);

        // The fake delays its responses until both processes have their maximum of sends in
        // flight, so the rest of the run is a race of two live dispatchers over the same rows.
        twilio.HoldResponses();
        var dispatching = DispatcherOptions(database, twilio);
        var portals = await StartAllAsync(dispatching, dispatching);
        await using var first = portals[0];
        await using var second = portals[1];
        await twilio.WaitForRequestsAsync(2 * MaxConcurrentSends, ProcessSettings.BackgroundTimeout);
        var requestsInFlightTogether = twilio.Requests.Count;
        twilio.ReleaseResponses();

        await WaitUntilNonePendingAsync(database, first, second);
        var sharesAfter = await ShareRow.ReadAllAsync(database.ConnectionString);
        var requests = twilio.Requests;
        var markers = requests.Select(request => ReadMarker(request.Body)).ToList();

        Assert.Equal(ShareCount, sharesBefore.Count(share => share.Status == "Pending"));
        Assert.Equal(2 * MaxConcurrentSends, requestsInFlightTogether);
        Assert.Equal(ShareCount, requests.Count);
        Assert.Empty(requests.GroupBy(request => request.Body).Where(group => group.Count() > 1).Select(group => ReadMarker(group.Key)));
        Assert.Equal(Enumerable.Range(1, ShareCount), markers.Order());
        Assert.All(sharesAfter, share => Assert.Equal("Queued", share.Status));
        Assert.All(sharesAfter, share => Assert.Equal(1, share.AttemptCount));
        Assert.All(sharesAfter, share => Assert.Equal("Accepted", share.LatestAttemptOutcome));
        Assert.All(sharesAfter, share => Assert.Null(share.LeaseOwner));
        Assert.Empty(twilio.UnexpectedRequests);
    }

    /// <summary>
    /// Creates the pending shares through the API of the app in memory, which runs no dispatcher,
    /// each note with a numbered marker that its SMS text repeats.
    /// </summary>
    private static async Task SeedPendingSharesAsync(PortalTestHost seeding)
    {
        using var patient = await seeding.SignInAsync(DemoAccounts.PatientEmail);
        using var psychologist = await seeding.SignInAsync(DemoAccounts.PsychologistEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);

        for (var number = 1; number <= ShareCount; number++)
        {
            await PortalTestHost.CreateNoteAsync(psychologist, MarkedNote(patientId, number));
        }
    }

    private static JsonObject MarkedNote(int patientId, int number)
    {
        var note = ProgressNoteBody.Basic(patientId);
        note["session_number"] = number;
        note["subjective"] = $"Share marker {number:D3}: Mia reports sleeping better.";
        return note;
    }

    private static int ReadMarker(string? smsBody)
    {
        var match = Marker().Match(smsBody ?? "");
        Assert.True(match.Success, $"The SMS text has no share marker: {smsBody}");
        return int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static PortalProcessOptions DispatcherOptions(TestDatabaseFile database, FakeTwilioServer twilio)
    {
        var settings = ProcessSettings.WithFakeTwilio(twilio);
        settings["ProgressSharing:MaxConcurrentSends"] = MaxConcurrentSends.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["ProgressSharing:MaxSendsPerSecond"] = "1000";
        return new PortalProcessOptions { DatabasePath = database.Path, Settings = settings };
    }

    /// <summary>Starts the processes side by side; when one fails to start, stops the others before rethrowing.</summary>
    private static async Task<PortalProcess[]> StartAllAsync(params PortalProcessOptions[] options)
    {
        var starts = options.Select(PortalProcess.StartAsync).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(start => start.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task WaitUntilNonePendingAsync(TestDatabaseFile database, PortalProcess first, PortalProcess second)
    {
        try
        {
            await Eventually.WaitUntilAsync(
                () => ShareRow.CountPendingAsync(database.ConnectionString),
                pending => pending == 0,
                ProcessSettings.BackgroundTimeout,
                "no share is pending");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nFirst app's output:\n{first.Output}\nSecond app's output:\n{second.Output}", exception);
        }
    }

    [GeneratedRegex(@"Share marker (?<number>\d{3})")]
    private static partial Regex Marker();
}
