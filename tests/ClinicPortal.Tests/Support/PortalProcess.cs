using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// ClinicPortal.Web running as a separate process from its build output: in Development, on a free
/// port of 127.0.0.1, with the development SMS outbox unless <see cref="PortalProcessOptions.Settings"/>
/// configure Twilio, and with its own SQLite database in a temporary folder unless the options name a file.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    /// <summary>Maximum wait for the first response, which comes after the migrations and the seeding.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Variables of the original deployment that the app maps onto its settings. They are removed,
    // so that a developer's Twilio account is never used by the tests.
    private static readonly string[] LegacyVariables =
        ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PHONE_NUMBER", "PROGRESS_SHARING_CONSENT_VERSION"];

    private readonly System.Diagnostics.Process process;
    private readonly StringBuilder output = new();

    // The temporary folder this instance created for its database, or null when the caller gave a file.
    private readonly DirectoryInfo? dataDirectory;

    private PortalProcess(System.Diagnostics.Process process, DirectoryInfo? dataDirectory, Uri baseAddress, string connectionString)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
    }

    public Uri BaseAddress { get; }

    /// <summary>Connection string of the app's SQLite database, for reading what the app stored.</summary>
    public string ConnectionString { get; }

    /// <summary>Everything the app wrote to standard output and standard error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the app with its own database and returns once its login page responds with a success status.</summary>
    public static Task<PortalProcess> StartAsync() => StartAsync(new PortalProcessOptions());

    /// <summary>Starts the app with the given options and returns once its login page responds with a success status.</summary>
    public static async Task<PortalProcess> StartAsync(PortalProcessOptions options)
    {
        var webAssembly = ReadBuildMetadata("ClinicPortalWebAssemblyPath");
        if (!File.Exists(webAssembly))
        {
            throw new InvalidOperationException(
                $"ClinicPortal.Web was not found at {webAssembly}. Build the solution in the same configuration as the tests, or run scripts/test.sh.");
        }

        var dataDirectory = options.DatabasePath is null ? Directory.CreateTempSubdirectory("clinicportal-process-") : null;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath ?? Path.Combine(dataDirectory!.FullName, "clinicportal.db"),
        }.ToString();
        var baseAddress = new Uri($"http://127.0.0.1:{FindFreePort()}/");

        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The project folder is the content root, as under `dotnet run`.
            WorkingDirectory = ReadBuildMetadata("ClinicPortalWebProjectDirectory"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(webAssembly);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));

        // Static web assets are served from bin/ only in Development.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ConnectionStrings__DefaultConnection"] = connectionString;
        startInfo.Environment["DemoData__Enabled"] = "true";
        startInfo.Environment["DemoData__Password"] = DemoAccounts.Password;

        // Environment variables override user-secrets, so blank Twilio credentials select the
        // development outbox even on a machine where a developer configured Twilio.
        startInfo.Environment["Twilio__AccountSid"] = "";
        startInfo.Environment["Twilio__AuthToken"] = "";
        foreach (var variable in LegacyVariables)
        {
            startInfo.Environment.Remove(variable);
        }

        // Browser and process tests sign in and write from 127.0.0.1 far more often than people
        // do, so the rate limits are raised unless a test sets its own.
        startInfo.Environment["RateLimiting__SignInPerAddress"] = "1000000";
        startInfo.Environment["RateLimiting__SignInPerAccount"] = "1000000";
        startInfo.Environment["RateLimiting__WritesPerUser"] = "1000000";

        foreach (var (key, value) in options.Settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = startInfo };
        var portal = new PortalProcess(process, dataDirectory, baseAddress, connectionString);
        process.OutputDataReceived += (_, line) => portal.AppendOutput(line.Data);
        process.ErrorDataReceived += (_, line) => portal.AppendOutput(line.Data);

        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await portal.WaitUntilRespondingAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>Signs in through POST /api/auth/login and returns a client of the app that sends the bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoAccounts.Password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = password });
        Assert.True(response.IsSuccessStatusCode, $"Signing in as {email} failed with HTTP {(int)response.StatusCode}. The app's output:\n{Output}");

        var body = await PortalTestHost.ReadJsonAsync(response);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>
    /// Kills the app and its child processes at once, as a crash or a power cut would: nothing
    /// in the app runs after this, not even its shutdown handlers. Returns once it has exited.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started, so there is nothing to stop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            process.Dispose();
        }

        // Pooled connections of the test process would keep the database file open.
        SqliteConnection.ClearAllPools();
        dataDirectory?.Delete(recursive: true);
    }

    private async Task WaitUntilRespondingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var stopwatch = Stopwatch.StartNew();
        var lastResult = "no response yet";

        while (stopwatch.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"ClinicPortal.Web exited with code {process.ExitCode} before responding at {BaseAddress}. Its output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("Account/Login");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastResult = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                lastResult = exception.Message;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException(
            $"ClinicPortal.Web did not respond at {BaseAddress}Account/Login within {StartupTimeout.TotalSeconds} s (last result: {lastResult}). Its output:\n{Output}");
    }

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Returns a port that was free a moment ago. Another process could take it before the app binds it.</summary>
    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string ReadBuildMetadata(string key) =>
        typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; it is set in ClinicPortal.Tests.csproj.");
}
