using System.Diagnostics;
using System.Globalization;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// Measures POST /api/auth/progress-notes/ for a patient without consent (no share to send) and
/// then with consent, while the dispatcher sends to a fake Twilio that takes seconds per message.
/// Sending happens after the note is committed, so the two should take about as long.
/// </summary>
internal static class NoteLatencyBenchmark
{
    /// <summary>Largest accepted ratio of sharing-on to sharing-off latency.</summary>
    private const double TargetRatio = 1.1;

    public static async Task RunAsync(BenchmarkOptions options, DirectoryInfo scratch)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        twilio.DefaultResponse = FakeTwilioResponse.Accepted() with { Delay = options.LatencyTwilioDelay };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Note creation latency, POST /api/auth/progress-notes/: {options.Rounds} rounds of {options.Notes} notes per case after {options.WarmupNotes} warm-up notes, {options.PauseBetweenNotes.TotalMilliseconds} ms apart; fake Twilio responds after {options.LatencyTwilioDelay.TotalMilliseconds} ms"));

        // First the sharing-on notes with no dispatcher running, which separates the cost of
        // deciding and storing a share from the cost of sending it in the background. This app
        // also saves sharing-off notes first, so that the JIT has compiled both paths before the
        // sharing-off and sharing-on cases below are compared.
        var noDispatcher = new Dictionary<string, string> { ["ProgressSharing:DispatcherEnabled"] = "false" };
        await using (var portal = new BenchmarkPortal(Path.Combine(scratch.FullName, "latency-no-dispatcher.db"), twilio, noDispatcher))
        {
            var (patient, psychologist, patientId) = await SignInAsync(portal);
            await MeasureAsync(psychologist, patientId, firstSession: 1, expectedShareStatus: "skipped", options);
            await patient.SetSharingAsync(true);
            var onWithoutSending = await MeasureAsync(psychologist, patientId, firstSession: 10_000, expectedShareStatus: "pending", options);
            Console.WriteLine($"  sharing on, dispatcher off:          {LatencySummary.From(onWithoutSending)}");
        }

        // The product's default sharing settings: 4 sends in flight, 1 send per second. Each
        // round starts a new app on a new database, and the figures pool every round, so a
        // slow spell of the machine falls on both cases rather than on one.
        var offLatencies = new List<double>();
        var onLatencies = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            await using var portal = new BenchmarkPortal(Path.Combine(scratch.FullName, $"latency-{round}.db"), twilio, new Dictionary<string, string>());
            var (patient, psychologist, patientId) = await SignInAsync(portal);

            var off = await MeasureAsync(psychologist, patientId, firstSession: 1, expectedShareStatus: "skipped", options);
            offLatencies.AddRange(off);

            await patient.SetSharingAsync(true);
            var requestsBefore = twilio.Requests.Count;
            var on = await MeasureAsync(psychologist, patientId, firstSession: 10_000, expectedShareStatus: "pending", options);
            onLatencies.AddRange(on);

            Console.WriteLine($"  round {round}: sharing off {LatencySummary.From(off)}");
            Console.WriteLine($"  round {round}: sharing on  {LatencySummary.From(on)}; the fake Twilio received {twilio.Requests.Count - requestsBefore} SMS requests meanwhile");
        }

        var offSummary = LatencySummary.From(offLatencies);
        var onSummary = LatencySummary.From(onLatencies);
        Console.WriteLine($"  all rounds, sharing off (no consent): {offSummary}");
        Console.WriteLine($"  all rounds, sharing on (consent):     {onSummary}");

        PrintRatio("median", onSummary.MedianMs / offSummary.MedianMs);
        PrintRatio("p95", onSummary.P95Ms / offSummary.P95Ms);
    }

    private static async Task<(PortalClient Patient, PortalClient Psychologist, int PatientId)> SignInAsync(BenchmarkPortal portal)
    {
        var patient = await PortalClient.SignInAsync(portal, PortalClient.PatientEmail);
        var psychologist = await PortalClient.SignInAsync(portal, PortalClient.PsychologistEmail);
        return (patient, psychologist, await patient.GetOwnPatientIdAsync());
    }

    /// <summary>Saves warm-up notes, then the measured notes, and returns the measured latencies in milliseconds.</summary>
    private static async Task<List<double>> MeasureAsync(
        PortalClient psychologist, int patientId, int firstSession, string expectedShareStatus, BenchmarkOptions options)
    {
        var session = firstSession;
        for (var i = 0; i < options.WarmupNotes; i++)
        {
            await psychologist.CreateNoteAsync(patientId, session++);
            await Task.Delay(options.PauseBetweenNotes);
        }

        var latenciesMs = new List<double>(options.Notes);
        for (var i = 0; i < options.Notes; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var shareStatus = await psychologist.CreateNoteAsync(patientId, session++);
            latenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            if (shareStatus != expectedShareStatus)
            {
                throw new InvalidOperationException($"A note's share status was '{shareStatus}', expected '{expectedShareStatus}'.");
            }

            await Task.Delay(options.PauseBetweenNotes);
        }

        return latenciesMs;
    }

    private static void PrintRatio(string statistic, double ratio)
    {
        var verdict = ratio <= TargetRatio ? "PASS" : "FAIL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {statistic} ratio on/off: {ratio:F3} (target <= {TargetRatio:F1}): {verdict}"));
    }
}
