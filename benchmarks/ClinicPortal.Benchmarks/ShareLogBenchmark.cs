using System.Diagnostics;
using System.Globalization;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// Times the admin share log on a seeded database. Each case runs through ShareLogService (access
/// check, count and page, as the page and the API run them), then as hand-written SQL that reads
/// the same rows, then as the count alone. Seeds the database first when the file does not exist.
/// </summary>
internal static class ShareLogBenchmark
{
    /// <summary>The target for one page through the service, in milliseconds, on the server.</summary>
    private const double TargetMs = 100;

    private const int Warmups = 3;

    public static async Task RunAsync(BenchmarkOptions options)
    {
        if (!File.Exists(options.DatabasePath))
        {
            Console.WriteLine($"Seeding {options.DatabasePath} with {options.SeedShares} shares");
            await ClinicDataSeeder.SeedAsync(new SeedOptions { DatabasePath = options.DatabasePath, Shares = options.SeedShares }, Console.Out);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Mode = SqliteOpenMode.ReadWrite }.ToString();
        var identityServices = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        var contexts = new PooledDbContextFactory<ClinicDbContext>(new DbContextOptionsBuilder<ClinicDbContext>()
            .UseSqlite(connectionString)
            .UseApplicationServiceProvider(identityServices)
            .Options);
        var clock = new ClinicClock(TimeProvider.System, Options.Create(new ClinicOptions()));
        var service = new ShareLogService(contexts, clock, NullLogger<ShareLogService>.Instance);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var adminId = await ScalarAsync<string>(connection, $"SELECT Id FROM AspNetUsers WHERE NormalizedEmail = '{ClinicDataSeeder.AdminEmail.ToUpperInvariant()}'");
        var totalShares = await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM ProgressShares");
        var patientId = await ScalarAsync<long>(connection, "SELECT PatientId FROM ProgressShares ORDER BY Id DESC LIMIT 1");
        var psychologistId = await ScalarAsync<string>(connection, "SELECT PsychologistId FROM ProgressNotes ORDER BY Id DESC LIMIT 1");
        var lastName = await ScalarAsync<string>(connection, $"SELECT LastName FROM Patients WHERE Id = {patientId}");
        var month = clock.ToUtc(new DateTime(DateTime.UtcNow.Year - 2, 4, 1));
        var monthEnd = clock.ToUtc(new DateTime(DateTime.UtcNow.Year - 2, 5, 1));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Share log on {options.DatabasePath}: {totalShares} shares; median of {options.Runs} runs after {Warmups} warm-up runs, page size {PageRequest.DefaultPageSize}"));
        Console.WriteLine($"  {"case",-36} {"service",10} {"raw SQL",10} {"ratio",6} {"count only",11} {"rows",8}");

        const string newestFirst = "s.CreatedAtUtc DESC, s.Id DESC";
        var cases = new List<(string Name, ShareLogFilter Filter, string? Where)>
        {
            ("first page, no filter", ShareLogFilter.None, null),
            ("status = Failed", new() { Status = ShareStatus.Failed }, "s.Status = 'Failed'"),
            ("status = Delivered", new() { Status = ShareStatus.Delivered }, "s.Status = 'Delivered'"),
            ("reason = NoConsent", new() { Reason = ShareReason.NoConsent }, "s.Reason = 'NoConsent'"),
            ("one patient", new() { PatientId = (int)patientId }, $"s.PatientId = {patientId}"),
            ("one psychologist", new() { PsychologistUserId = psychologistId },
                $"s.PsychologistId = '{psychologistId}'"),
            ("one month (April, two years ago)", new() { FromUtc = month, ToUtc = monthEnd },
                $"s.CreatedAtUtc >= '{Format(month)}' AND s.CreatedAtUtc < '{Format(monthEnd)}'"),
            ($"search \"{lastName}\"", new() { Search = lastName },
                $"s.PatientId IN (SELECT p2.Id FROM Patients p2 WHERE p2.FirstName LIKE '%{lastName}%' OR p2.LastName LIKE '%{lastName}%')"),
        };

        var runs = cases.Select(c => (c.Name, c.Filter, c.Where, Sort: ShareLogSort.NewestFirst, OrderBy: newestFirst)).ToList();

        // Not part of the target: the order by name sorts every share, because the name is in another table.
        runs.Add(("sorted by patient name, no filter", ShareLogFilter.None, null,
            new ShareLogSort(ShareLogSortColumn.PatientName, Descending: false), "p.LastName, p.FirstName, " + newestFirst));

        var failures = 0;
        foreach (var (name, filter, where, sort, orderBy) in runs)
        {
            var condition = where is null ? "" : $" WHERE {where}";
            var count = 0;
            var serviceMs = await MedianAsync(options.Runs, async () =>
            {
                var page = await service.ListAsync(adminId, new PageRequest(), sort, filter);
                count = page.Count;
            });
            var rawMs = await MedianAsync(options.Runs, async () =>
            {
                await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM ProgressShares s{condition}");
                await ReadAllAsync(connection,
                    $"SELECT s.*, p.FirstName, p.LastName FROM ProgressShares s JOIN Patients p ON p.Id = s.PatientId{condition} ORDER BY {orderBy} LIMIT {PageRequest.DefaultPageSize}");
            });
            var countMs = await MedianAsync(options.Runs, () => ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM ProgressShares s{condition}"));

            var counted = sort == ShareLogSort.NewestFirst;
            failures += counted && serviceMs > TargetMs ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-36} {serviceMs,7:F1} ms {rawMs,7:F1} ms {serviceMs / rawMs,6:F2} {countMs,8:F1} ms {count,8}{(counted && serviceMs > TargetMs ? "  over target" : "")}"));
        }

        Console.WriteLine(failures == 0
            ? $"  every case under the {TargetMs} ms target"
            : $"  {failures} of {cases.Count} cases over the {TargetMs} ms target");
    }

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task<double> MedianAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < Warmups; i++)
        {
            await action();
        }

        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return LatencySummary.From(timings).MedianMs;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task ReadAllAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }
}
