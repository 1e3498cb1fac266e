using System.Globalization;

namespace ClinicPortal.Seed;

/// <summary>The command-line arguments of the seed tool, with their defaults.</summary>
public sealed class SeedOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/ClinicPortal.Seed -- --database PATH [options]

          --database PATH      SQLite file to create; the tool stops if it exists
          --psychologists N    psychologist accounts (default 50)
          --patients N         patients, each with an account and 1 or 2 psychologists (default 5000)
          --shares N           progress notes, each with its share record (default 1000000)
          --years N            the notes are spread evenly over this many years up to now (default 7)
          --random-seed N      seed of the random data, so two runs create the same rows (default 6)
        """;

    public string DatabasePath { get; set; } = "";

    public int Psychologists { get; set; } = 50;

    public int Patients { get; set; } = 5000;

    public int Shares { get; set; } = 1_000_000;

    public int Years { get; set; } = 7;

    public int RandomSeed { get; set; } = 6;

    /// <summary>Parses the arguments; raises <see cref="ArgumentException"/> naming the invalid one.</summary>
    public static SeedOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SeedOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {name} is missing its value.");
            switch (name)
            {
                case "--database":
                    options.DatabasePath = Path.GetFullPath(value);
                    break;
                case "--psychologists":
                    options.Psychologists = ParsePositive(name, value);
                    break;
                case "--patients":
                    options.Patients = ParsePositive(name, value);
                    break;
                case "--shares":
                    options.Shares = ParsePositive(name, value);
                    break;
                case "--years":
                    options.Years = ParsePositive(name, value);
                    break;
                case "--random-seed":
                    options.RandomSeed = ParsePositive(name, value);
                    break;
                default:
                    throw new ArgumentException($"Unknown option: {name}. The options are listed below.");
            }
        }

        if (options.DatabasePath.Length == 0)
        {
            throw new ArgumentException("Option --database is required: give the path of the SQLite file to create.");
        }

        return options;
    }

    private static int ParsePositive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Option {name} needs a whole number of 1 or more, not '{value}'.");
}
