using System.Globalization;
using System.Runtime.InteropServices;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// Entry point. It runs the note-latency and the drain benchmarks, or the share-log benchmark, against the portal in this
/// process and prints the figures. It is a console program, not a test, so `dotnet test` skips it.
/// </summary>
internal static class BenchmarkCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        // WebApplicationFactory finds the app's content root in MvcTestingAppManifest.json in the
        // working directory, and `dotnet run` keeps the caller's directory rather than the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        PrintEnvironment();
        var scratch = Directory.CreateTempSubdirectory("clinicportal-bench-");
        try
        {
            if (options.RunLatency)
            {
                await NoteLatencyBenchmark.RunAsync(options, scratch);
            }

            if (options.RunDrain)
            {
                await DrainBenchmark.RunAsync(options, scratch);
            }

            if (options.RunShareLog)
            {
                await ShareLogBenchmark.RunAsync(options);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            scratch.Delete(recursive: true);
        }

        return 0;
    }

    private static void PrintEnvironment()
    {
#if DEBUG
        const string configuration = "Debug (figures are not representative; use -c Release)";
#else
        const string configuration = "Release";
#endif
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical processors, {configuration}"));
    }
}
