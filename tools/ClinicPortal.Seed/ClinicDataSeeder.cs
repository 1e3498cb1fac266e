using System.Diagnostics;
using System.Globalization;
using Bogus;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Seed;

/// <summary>
/// Fills a new SQLite database with realistic clinic data. Staff, patients, consent and assignments
/// go in through EF Core. Notes, shares and send attempts go in through prepared SQLite commands in
/// large transactions, because EF Core's change tracking would take minutes for a million rows.
/// The admin account is admin@clinic.example with password Demo-Password-1.
/// </summary>
public static class ClinicDataSeeder
{
    public const string AdminEmail = "admin@clinic.example";
    public const string AdminPassword = "Demo-Password-1";

    private const int RowsPerTransaction = 50_000;

    // Twilio's real-world mix is unknown here; these shares are an estimate of a clinic where
    // most patients consent and most messages are delivered.
    private static readonly (string Status, string? Reason, double Share)[] Outcomes =
    [
        ("Delivered", null, 0.80),
        ("Sent", null, 0.03),
        ("Queued", null, 0.01),
        ("Undelivered", null, 0.02),
        ("Failed", null, 0.02),
        ("Unknown", null, 0.005),
        ("Skipped", "NoConsent", 0.07),
        ("Skipped", "ConsentOutOfDate", 0.025),
        ("Skipped", "NoEmergencyContact", 0.01),
        ("Skipped", "RecipientOptedOut", 0.01),
    ];

    private static readonly string[] Subjectives =
    [
        "Reports sleeping better since the last session.",
        "Describes a stressful week at work, with two panic episodes.",
        "Has kept the mood diary on most days.",
        "Feels less anxious in social settings.",
        "Finds mornings hardest; energy improves after lunch.",
    ];

    private static readonly string[] Plans =
    [
        "Continue the diary and practise the breathing exercise daily.",
        "Try one graded exposure task before next session.",
        "Review sleep routine; reduce caffeine after midday.",
        "Book the next session in two weeks.",
    ];

    public static async Task SeedAsync(SeedOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false }.ToString();
        var now = DateTime.UtcNow;
        var random = new Random(options.RandomSeed);
        Randomizer.Seed = new Random(options.RandomSeed);

        await using (var db = CreateContext(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        log.WriteLine($"Schema migrated in {total.Elapsed.TotalSeconds:0.0} s");

        var step = Stopwatch.StartNew();
        var people = await AddPeopleAsync(connectionString, options, random, now);
        log.WriteLine($"{options.Psychologists} psychologists, {options.Patients} patients and their accounts added in {step.Elapsed.TotalSeconds:0.0} s");

        step.Restart();
        await AddNotesAndSharesAsync(connectionString, options, people, random, now, log);
        log.WriteLine($"{options.Shares} notes with their shares added in {step.Elapsed.TotalSeconds:0.0} s");
        log.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s: {options.DatabasePath} ({new FileInfo(options.DatabasePath).Length / 1_048_576} MiB)");
    }

    private static ClinicDbContext CreateContext(string connectionString)
    {
        // Identity picks its tables from these options; without them the passkeys table is missing.
        var identityServices = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        return new ClinicDbContext(new DbContextOptionsBuilder<ClinicDbContext>()
            .UseSqlite(connectionString)
            .UseApplicationServiceProvider(identityServices)
            .Options);
    }

    private static async Task<SeededPeople> AddPeopleAsync(string connectionString, SeedOptions options, Random random, DateTime now)
    {
        await using var db = CreateContext(connectionString);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var roles = ClinicRoles.All.ToDictionary(role => role, role => new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);

        var admin = NewUser(AdminEmail, "Clinic Admin");
        admin.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(admin, AdminPassword);
        db.Users.Add(admin);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = admin.Id, RoleId = roles[ClinicRoles.Admin].Id });

        var faker = new Faker("en_AU");
        var psychologists = new List<string>();
        for (var i = 0; i < options.Psychologists; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var user = NewUser($"{first}.{last}.{i}@clinic.example".ToLowerInvariant(), $"Dr {first} {last}");
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[ClinicRoles.Psychologist].Id });
            psychologists.Add(user.Id);
        }

        var patients = new List<Patient>();
        for (var i = 0; i < options.Patients; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var user = NewUser($"{first}.{last}.{i}@patients.example".ToLowerInvariant(), $"{first} {last}");
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[ClinicRoles.Patient].Id });

            var patient = Patient.Register(user.Id, first, last);
            if (random.NextDouble() < 0.95)
            {
                patient.UpdateEmergencyContact(faker.Name.FullName(), "Parent", FictionalMobile(random));
                if (random.NextDouble() < 0.85)
                {
                    patient.GrantConsent("1.0", now.AddDays(-random.Next(1, 365 * options.Years)), user.Id);
                }
            }

            db.Patients.Add(patient);
            patients.Add(patient);
        }

        await db.SaveChangesAsync();

        var careTeams = new List<(int PatientId, string[] PsychologistIds)>();
        foreach (var patient in patients)
        {
            var first = psychologists[random.Next(psychologists.Count)];
            var team = random.NextDouble() < 0.2
                ? new[] { first, psychologists[random.Next(psychologists.Count)] }.Distinct().ToArray()
                : [first];
            foreach (var psychologistId in team)
            {
                db.PatientAssignments.Add(new PatientAssignment(patient.Id, psychologistId, now));
            }

            careTeams.Add((patient.Id, team));
        }

        await db.SaveChangesAsync();
        return new SeededPeople(careTeams, patients.ToDictionary(p => p.Id, p => p.EmergencyContactPhone ?? FictionalMobile(random)));
    }

    private static async Task AddNotesAndSharesAsync(
        string connectionString, SeedOptions options, SeededPeople people, Random random, DateTime now, TextWriter log)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;");

        // Creation times ascend with the ids, as they do when a clinic writes its notes.
        var start = now.AddYears(-options.Years);
        var span = (now - start).Ticks;
        var times = new long[options.Shares];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = start.Ticks + (long)(random.NextDouble() * span);
        }

        Array.Sort(times);
        var cumulative = CumulativeOutcomes();

        using var note = Prepare(connection,
            "INSERT INTO ProgressNotes (Id, PatientId, PsychologistId, SessionDateUtc, SessionNumber, Subjective, Objective, Assessment, Plan, ProgressRating, CreatedAtUtc, UpdatedAtUtc) " +
            "VALUES ($id, $patient, $psychologist, $session, $number, $subjective, '', '', $plan, $rating, $created, $created)",
            "$id", "$patient", "$psychologist", "$session", "$number", "$subjective", "$plan", "$rating", "$created");
        using var share = Prepare(connection,
            "INSERT INTO ProgressShares (Id, NoteId, PatientId, PsychologistId, Status, Reason, RecipientPhone, ConsentVersion, Message, Segments, ErrorCode, ErrorMessage, ProviderMessageId, AttemptCount, CreatedAtUtc, SentAtUtc, UpdatedAtUtc) " +
            "VALUES ($id, $id, $patient, $psychologist, $status, $reason, $phone, $version, $message, $segments, $code, $error, $sid, $attempts, $created, $sent, $created)",
            "$id", "$patient", "$psychologist", "$status", "$reason", "$phone", "$version", "$message", "$segments", "$code", "$error", "$sid", "$attempts", "$created", "$sent");
        using var attempt = Prepare(connection,
            "INSERT INTO ShareAttempts (ShareId, Number, StartedAtUtc, FinishedAtUtc, Outcome, RecipientPhone, ErrorCode, ErrorMessage, DurationMs) " +
            "VALUES ($share, 1, $started, $finished, $outcome, $phone, $code, $error, $duration)",
            "$share", "$started", "$finished", "$outcome", "$phone", "$code", "$error", "$duration");

        SqliteTransaction? transaction = null;
        for (var i = 0; i < times.Length; i++)
        {
            if (i % RowsPerTransaction == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                note.Transaction = share.Transaction = attempt.Transaction = transaction;
                if (i > 0 && i % 200_000 == 0)
                {
                    log.WriteLine($"  {i} notes");
                }
            }

            var id = i + 1;
            var created = new DateTime(times[i], DateTimeKind.Utc);
            var (patientId, team) = people.CareTeams[random.Next(people.CareTeams.Count)];
            var (status, reason) = PickOutcome(cumulative, random.NextDouble());
            var subjective = Subjectives[random.Next(Subjectives.Length)];
            var rating = random.Next(1, 11);

            var psychologistId = team[random.Next(team.Length)];
            Set(note, id, patientId, psychologistId, Format(created.AddHours(-2)), random.Next(1, 40), subjective, Plans[random.Next(Plans.Length)], rating, Format(created));
            note.ExecuteNonQuery();

            var sentToProvider = reason is null;
            var phone = sentToProvider ? people.ContactPhones[patientId] : null;
            var message = sentToProvider ? $"Progress update: session on {created:MMMM d, yyyy}. Rating {rating}/10. {subjective}" : null;
            var (code, error) = status switch
            {
                "Undelivered" => ("30003", "The handset was unreachable."),
                "Failed" => ("21211", "The number is not a valid phone number."),
                "Unknown" => ("timeout", "The request to Twilio timed out."),
                _ => ((string?)null, (string?)null),
            };
            var sent = sentToProvider && status != "Unknown" && status != "Failed" ? Format(created.AddSeconds(2)) : null;
            Set(share, id, patientId, psychologistId, status, reason, phone, sentToProvider ? "1.0" : null, message, sentToProvider ? 1 : null, code, error,
                sent is null ? null : $"SM{id:x32}", sentToProvider ? 1 : 0, Format(created), sent);
            share.ExecuteNonQuery();

            if (sentToProvider)
            {
                var outcome = status switch { "Failed" => "Failed", "Unknown" => "Unknown", _ => "Accepted" };
                var duration = random.Next(150, 1500);
                Set(attempt, id, Format(created), Format(created.AddMilliseconds(duration)), outcome, phone, code, error, duration);
                attempt.ExecuteNonQuery();
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
    }

    private static ApplicationUser NewUser(string email, string displayName) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = displayName,
        LockoutEnabled = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };

    /// <summary>Returns a number from 0491 570 006 to 0491 570 159, a range the ACMA reserves for fiction.</summary>
    private static string FictionalMobile(Random random) => $"+61491570{random.Next(6, 160):000}";

    /// <summary>Formats a time as EF Core's SQLite provider stores a DateTime, so both sort and compare alike.</summary>
    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static double[] CumulativeOutcomes()
    {
        var sum = 0.0;
        return Outcomes.Select(outcome => sum += outcome.Share).ToArray();
    }

    private static (string Status, string? Reason) PickOutcome(double[] cumulative, double value)
    {
        var index = Array.FindIndex(cumulative, limit => value * cumulative[^1] < limit);
        return (Outcomes[index].Status, Outcomes[index].Reason);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed record SeededPeople(List<(int PatientId, string[] PsychologistIds)> CareTeams, Dictionary<int, string> ContactPhones);
}
