using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// A portal under test: its database file, the fake Twilio server and the running app. The app
/// can be restarted on the same database, as after a deployment or a crash.
/// </summary>
internal sealed class PortalTestHost : IAsyncDisposable
{
    /// <summary>Upper bound for background work such as sending a share; a passing run takes milliseconds.</summary>
    public static readonly TimeSpan BackgroundTimeout = TimeSpan.FromSeconds(15);

    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private readonly ILoggerProvider? _logs;

    private PortalTestHost(FakeTwilioServer twilio, IReadOnlyDictionary<string, string?>? settings, ILoggerProvider? logs)
    {
        Twilio = twilio;
        _settings = settings;
        _logs = logs;
    }

    public TestDatabaseFile Database { get; } = new();

    public FakeTwilioServer Twilio { get; }

    public ClinicPortalFactory App { get; private set; } = null!;

    /// <summary>
    /// Starts the fake Twilio server and the app. <paramref name="settings"/> override the app's
    /// configuration, for example "ProgressSharing:MaxAttempts", and <paramref name="logs"/>
    /// receives the app's log entries.
    /// </summary>
    public static async Task<PortalTestHost> StartAsync(
        bool dispatcherEnabled = true, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var host = new PortalTestHost(await FakeTwilioServer.StartAsync(), settings, logs);
        host.App = new ClinicPortalFactory(host.Database, host.Twilio, dispatcherEnabled, settings, logs);
        host.App.StartServer();
        return host;
    }

    /// <summary>Stops the app and starts it again on the same database, fake Twilio server and settings.</summary>
    public async Task RestartAsync(bool dispatcherEnabled = true)
    {
        await App.DisposeAsync();
        App = new ClinicPortalFactory(Database, Twilio, dispatcherEnabled, _settings, _logs);
        App.StartServer();
    }

    /// <summary>
    /// Stops the app but keeps the database file and the fake Twilio server, for app processes
    /// started afterwards on them. <see cref="DisposeAsync"/> still deletes both.
    /// </summary>
    public async Task StopAppAsync() => await App.DisposeAsync();

    public HttpClient CreateAnonymousClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through POST /api/auth/login and returns a client that sends the bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = await ReadJsonAsync(response);
        var token = body.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Returns the id of the signed-in patient's own record, from GET /api/auth/profile/.</summary>
    public static async Task<int> GetOwnPatientIdAsync(HttpClient patient)
    {
        var response = await patient.GetAsync("/api/auth/profile/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetInt32();
    }

    /// <summary>Turns the patient's sharing on or off through PATCH /api/auth/preferences/.</summary>
    public static async Task SetSharingAsync(HttpClient patient, bool share)
    {
        var response = await patient.PatchAsJsonAsync("/api/auth/preferences/", new JsonObject { ["share_progress_with_emergency_contact"] = share });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Creates a note through POST /api/auth/progress-notes/, asserts 201 and returns the body.</summary>
    public static async Task<JsonElement> CreateNoteAsync(HttpClient psychologist, JsonObject body)
    {
        var response = await psychologist.PostAsJsonAsync("/api/auth/progress-notes/", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>Returns the share log row of a note, read through GET /api/admin/share-log/.</summary>
    public static async Task<JsonElement> GetShareAsync(HttpClient admin, int noteId)
    {
        var response = await admin.GetAsync("/api/admin/share-log/?page=1&page_size=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var results = (await ReadJsonAsync(response)).GetProperty("results").EnumerateArray();
        return results.Single(row => row.GetProperty("note_id").GetInt32() == noteId);
    }

    /// <summary>Polls the share log until the note's share is no longer pending and returns its row.</summary>
    public static Task<JsonElement> WaitUntilSharedAsync(HttpClient admin, int noteId) =>
        Eventually.WaitUntilAsync(
            () => GetShareAsync(admin, noteId),
            row => row.GetProperty("status").GetString() != "pending",
            BackgroundTimeout,
            $"the share of note {noteId} leaves status pending");

    /// <summary>Returns the Identity user id of an account.</summary>
    public async Task<string> GetUserIdAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No account has the email {email}.");
    }

    /// <summary>
    /// Creates a patient account with a patient record through the app's own services and, when
    /// <paramref name="psychologistEmail"/> is given, assigns the patient to that psychologist.
    /// Returns the patient id.
    /// </summary>
    public async Task<int> AddPatientAsync(string email, string firstName, string lastName, string? psychologistEmail = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{firstName} {lastName}" };
        AssertSucceeded(await users.CreateAsync(user, DemoAccounts.Password));
        AssertSucceeded(await users.AddToRoleAsync(user, ClinicRoles.Patient));
        var patientId = await scope.ServiceProvider.GetRequiredService<PatientProfileService>().RegisterAsync(user.Id, firstName, lastName);

        if (psychologistEmail is not null)
        {
            var psychologistId = await GetUserIdAsync(psychologistEmail);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
            db.PatientAssignments.Add(new PatientAssignment(patientId, psychologistId, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        return patientId;
    }

    /// <summary>Creates an account in a staff role (psychologist or admin) with the demo password, assigned to no patient.</summary>
    public async Task<string> AddStaffAsync(string email, string role, string displayName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        AssertSucceeded(await users.CreateAsync(user, DemoAccounts.Password));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    /// <summary>Loads the share of a note with its attempts, oldest first, straight from the database.</summary>
    public async Task<ProgressShare> LoadShareAsync(int noteId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking()
            .Include(s => s.Attempts.OrderBy(a => a.Number))
            .SingleAsync(s => s.NoteId == noteId);
    }

    /// <summary>Runs SQL on the database file directly, past the app's domain rules.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Returns the number of rows in a table, read directly from the database file.</summary>
    public async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Twilio.DisposeAsync();
        Database.Dispose();
    }
}
