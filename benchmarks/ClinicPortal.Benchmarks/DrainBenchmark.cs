using System.Diagnostics;
using System.Globalization;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// Times one dispatcher run that sends a backlog of pending shares to a fake Twilio with a fixed
/// response time, and compares it with the ideal that the rate limit and the concurrency allow.
/// </summary>
internal static class DrainBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options, DirectoryInfo scratch)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        twilio.DefaultResponse = FakeTwilioResponse.Accepted() with { Delay = options.DrainTwilioDelay };

        var template = Path.Combine(scratch.FullName, "drain-template.db");
        var seeding = Stopwatch.StartNew();
        await SeedPendingSharesAsync(template, twilio, options.Shares);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Drain of {options.Shares} pending shares (seeded in {seeding.Elapsed.TotalSeconds:F1} s); fake Twilio responds after {options.DrainTwilioDelay.TotalMilliseconds} ms; MaxConcurrentSends={options.MaxConcurrentSends}"));

        foreach (var rate in options.SendsPerSecond)
        {
            // Each run starts from a copy of the same backlog.
            var database = Path.Combine(scratch.FullName, string.Create(CultureInfo.InvariantCulture, $"drain-{rate}.db"));
            File.Copy(template, database);
            await DrainAsync(database, twilio, rate, options);
        }
    }

    /// <summary>Creates the backlog through the API of an app that runs no dispatcher.</summary>
    private static async Task SeedPendingSharesAsync(string database, FakeTwilioServer twilio, int shares)
    {
        await using (var portal = new BenchmarkPortal(database, twilio, new Dictionary<string, string> { ["ProgressSharing:DispatcherEnabled"] = "false" }))
        {
            var patient = await PortalClient.SignInAsync(portal, PortalClient.PatientEmail);
            var psychologist = await PortalClient.SignInAsync(portal, PortalClient.PsychologistEmail);
            var patientId = await patient.GetOwnPatientIdAsync();
            await patient.SetSharingAsync(true);

            for (var session = 1; session <= shares; session++)
            {
                await psychologist.CreateNoteAsync(patientId, session);
            }
        }

        // Pooled connections keep the file open; it is copied next.
        SqliteConnection.ClearAllPools();
    }

    private static async Task DrainAsync(string database, FakeTwilioServer twilio, double sendsPerSecond, BenchmarkOptions options)
    {
        // The background worker stays off, so the one run timed here is the only sender.
        var settings = new Dictionary<string, string>
        {
            ["ProgressSharing:DispatcherEnabled"] = "false",
            ["ProgressSharing:MaxSendsPerSecond"] = sendsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["ProgressSharing:MaxConcurrentSends"] = options.MaxConcurrentSends.ToString(CultureInfo.InvariantCulture),
        };
        await using var portal = new BenchmarkPortal(database, twilio, settings);
        var dispatcher = portal.Services.GetRequiredService<ShareDispatcher>();
        var requestsBefore = twilio.Requests.Count;

        var started = Stopwatch.GetTimestamp();
        var handled = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var measured = Stopwatch.GetElapsedTime(started);

        var sent = twilio.Requests.Count - requestsBefore;
        var stillPending = await CountPendingAsync(portal);
        var ideal = TimeSpan.FromSeconds(Math.Max(
            options.Shares / sendsPerSecond,
            options.Shares * options.DrainTwilioDelay.TotalSeconds / options.MaxConcurrentSends));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MaxSendsPerSecond={sendsPerSecond}: measured {measured.TotalSeconds:F2} s, ideal {ideal.TotalSeconds:F2} s, measured/ideal {measured / ideal:F2}; handled {handled}, SMS requests {sent}, still pending {stillPending}"));
    }

    private static async Task<int> CountPendingAsync(BenchmarkPortal portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.ProgressShares.CountAsync(share => share.Status == ShareStatus.Pending);
    }
}
