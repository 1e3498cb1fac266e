using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Process;

/// <summary>
/// An app process killed while the fake Twilio delays its response to a send, then started again
/// on the same database. The interrupted share may have reached Twilio, so it ends unknown and is
/// not sent again. A share that was only waiting is sent once by the new process.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DispatcherCrashTests
{
    private const string InterruptedMarker = "Crash marker: interrupted send.";
    private const string WaitingMarker = "Crash marker: waiting share.";

    [Fact]
    public async Task KilledMidSend_InterruptedUnknownWaitingSentOnce()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        using var database = new TestDatabaseFile();
        var options = CrashOptions(database, twilio);
        twilio.HoldResponses();

        int interruptedNoteId;
        int waitingNoteId;
        await using (var crashing = await PortalProcess.StartAsync(options))
        {
            using var patient = await crashing.SignInAsync(DemoAccounts.PatientEmail);
            using var psychologist = await crashing.SignInAsync(DemoAccounts.PsychologistEmail);
            var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
            await PortalTestHost.SetSharingAsync(patient, share: true);

            interruptedNoteId = await CreateNoteAsync(psychologist, patientId, InterruptedMarker);
            await twilio.WaitForRequestsAsync(1, ProcessSettings.BackgroundTimeout);

            // The dispatcher's run waits for the held send, so it claims no share saved after it.
            waitingNoteId = await CreateNoteAsync(psychologist, patientId, WaitingMarker);
            await crashing.KillAsync();
        }

        var requestsAtCrash = twilio.Requests.Count;
        var sharesAtCrash = await ShareRow.ReadAllAsync(database.ConnectionString);
        twilio.ReleaseResponses();

        await using var restarted = await PortalProcess.StartAsync(options);
        using var admin = await restarted.SignInAsync(DemoAccounts.AdminEmail);
        var interrupted = await WaitUntilSharedAsync(admin, interruptedNoteId, restarted);
        var waiting = await WaitUntilSharedAsync(admin, waitingNoteId, restarted);
        var requests = twilio.Requests;

        var interruptedAtCrash = sharesAtCrash.Single(share => share.NoteId == interruptedNoteId);
        Assert.Equal(1, requestsAtCrash);
        Assert.Equal("Pending", interruptedAtCrash.Status);
        Assert.NotNull(interruptedAtCrash.LeaseOwner);
        Assert.Equal("InFlight", interruptedAtCrash.LatestAttemptOutcome);
        Assert.Equal("unknown", interrupted.GetProperty("status").GetString());
        Assert.Equal("Interrupted", interrupted.GetProperty("error_code").GetString());
        Assert.Single(requests, request => request.Body!.Contains(InterruptedMarker, StringComparison.Ordinal));

        var waitingAtCrash = sharesAtCrash.Single(share => share.NoteId == waitingNoteId);
        Assert.Equal("Pending", waitingAtCrash.Status);
        Assert.Null(waitingAtCrash.LeaseOwner);
        Assert.Equal(0, waitingAtCrash.AttemptCount);
        Assert.Equal("queued", waiting.GetProperty("status").GetString());
        Assert.Single(requests, request => request.Body!.Contains(WaitingMarker, StringComparison.Ordinal));

        Assert.Equal(2, requests.Count);
        Assert.Empty(twilio.UnexpectedRequests);
    }

    /// <summary>
    /// Settings of both runs. The lease is short because the crashed process wrote its expiry
    /// into the share, and the restarted one may claim the share only after that time. The
    /// request timeout must be shorter than the lease, and leaves seconds for the kill.
    /// </summary>
    private static PortalProcessOptions CrashOptions(TestDatabaseFile database, FakeTwilioServer twilio)
    {
        var settings = ProcessSettings.WithFakeTwilio(twilio);
        settings["Twilio:ConnectTimeout"] = "00:00:02";
        settings["Twilio:RequestTimeout"] = "00:00:04";
        settings["ProgressSharing:LeaseDuration"] = "00:00:05";
        return new PortalProcessOptions { DatabasePath = database.Path, Settings = settings };
    }

    private static async Task<int> CreateNoteAsync(HttpClient psychologist, int patientId, string marker)
    {
        JsonObject note = ProgressNoteBody.Basic(patientId);
        note["subjective"] = marker;
        var created = await PortalTestHost.CreateNoteAsync(psychologist, note);
        return created.GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> WaitUntilSharedAsync(HttpClient admin, int noteId, PortalProcess portal)
    {
        try
        {
            return await Eventually.WaitUntilAsync(
                () => PortalTestHost.GetShareAsync(admin, noteId),
                row => row.GetProperty("status").GetString() != "pending",
                ProcessSettings.BackgroundTimeout,
                $"the share of note {noteId} leaves status pending");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\nThe app's output:\n{portal.Output}", exception);
        }
    }
}
