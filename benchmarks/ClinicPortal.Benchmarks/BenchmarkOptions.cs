using System.Globalization;

namespace ClinicPortal.Benchmarks;

/// <summary>The command-line arguments of the benchmark, with their defaults.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/ClinicPortal.Benchmarks -- [options]

          --only latency|drain|share-log
                                 run one benchmark only (default: latency and drain; share-log
                                 runs only when named)
          --notes N              notes measured per case and round of the latency benchmark (default 200)
          --rounds N             rounds of the latency benchmark, each on a new app and database; the
                                 figures pool every round's notes (default 5)
          --warmup N             notes created before measuring each case (default 50)
          --twilio-delay-ms N    fake Twilio response time in the latency benchmark, in ms (default 2000)
          --pause-ms N           pause between two notes in the latency benchmark, in ms (default 50), so
                                 the dispatcher sends while the measured notes are saved
          --shares N             pending shares drained per run (default 1000)
          --drain-delay-ms N     fake Twilio response time in the drain benchmark, in ms (default 50)
          --rates R1,R2,...      ProgressSharing:MaxSendsPerSecond of each drain run (default 50,1000;
                                 the product default is 1, which makes 1000 shares take 1000 s)
          --concurrency N        ProgressSharing:MaxConcurrentSends of the drain runs (default 4, the product default)
          --database PATH        seeded SQLite file of the share-log benchmark; seeded first when
                                 missing (default: clinicportal-share-log.db in the temp folder)
          --seed-shares N        shares to seed when the share-log database is missing (default 1000000)
          --runs N               timed runs per share-log case (default 20)
        """;

    public bool RunLatency { get; private set; } = true;

    public bool RunDrain { get; private set; } = true;

    public int Notes { get; private set; } = 200;

    public int WarmupNotes { get; private set; } = 50;

    public int Rounds { get; private set; } = 5;

    public TimeSpan LatencyTwilioDelay { get; private set; } = TimeSpan.FromMilliseconds(2000);

    public TimeSpan PauseBetweenNotes { get; private set; } = TimeSpan.FromMilliseconds(50);

    public int Shares { get; private set; } = 1000;

    public TimeSpan DrainTwilioDelay { get; private set; } = TimeSpan.FromMilliseconds(50);

    public IReadOnlyList<double> SendsPerSecond { get; private set; } = [50, 1000];

    public int MaxConcurrentSends { get; private set; } = 4;

    public bool RunShareLog { get; private set; }

    public string DatabasePath { get; private set; } = Path.Combine(Path.GetTempPath(), "clinicportal-share-log.db");

    public int SeedShares { get; private set; } = 1_000_000;

    public int Runs { get; private set; } = 20;

    /// <summary>Parses the arguments; raises <see cref="ArgumentException"/> naming the invalid one.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {name} is missing its value.");
            switch (name)
            {
                case "--only" when value == "latency":
                    options.RunDrain = false;
                    break;
                case "--only" when value == "drain":
                    options.RunLatency = false;
                    break;
                case "--only" when value == "share-log":
                    options.RunLatency = false;
                    options.RunDrain = false;
                    options.RunShareLog = true;
                    break;
                case "--database":
                    options.DatabasePath = Path.GetFullPath(value);
                    break;
                case "--seed-shares":
                    options.SeedShares = ParsePositive(name, value);
                    break;
                case "--runs":
                    options.Runs = ParsePositive(name, value);
                    break;
                case "--notes":
                    options.Notes = ParsePositive(name, value);
                    break;
                case "--rounds":
                    options.Rounds = ParsePositive(name, value);
                    break;
                case "--warmup":
                    options.WarmupNotes = ParsePositive(name, value);
                    break;
                case "--twilio-delay-ms":
                    options.LatencyTwilioDelay = TimeSpan.FromMilliseconds(ParsePositive(name, value));
                    break;
                case "--pause-ms":
                    options.PauseBetweenNotes = TimeSpan.FromMilliseconds(ParsePositive(name, value));
                    break;
                case "--shares":
                    options.Shares = ParsePositive(name, value);
                    break;
                case "--drain-delay-ms":
                    options.DrainTwilioDelay = TimeSpan.FromMilliseconds(ParsePositive(name, value));
                    break;
                case "--rates":
                    options.SendsPerSecond = value.Split(',').Select(rate => ParseRate(name, rate)).ToList();
                    break;
                case "--concurrency":
                    options.MaxConcurrentSends = ParsePositive(name, value);
                    break;
                default:
                    throw new ArgumentException($"Unknown option or value: {name} {value}. The options are listed below.");
            }
        }

        return options;
    }

    private static int ParsePositive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Option {name} needs a whole number of 1 or more, not '{value}'.");

    private static double ParseRate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : throw new ArgumentException($"Option {name} needs positive numbers separated by commas, not '{value}'.");
}
