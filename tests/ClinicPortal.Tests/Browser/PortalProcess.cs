using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// ClinicPortal.Web running as a separate process from its build output: in Development, on a free
/// port of 127.0.0.1, with its own SQLite database in a temporary folder, sending SMS through
/// Twilio's REST API to a fake Twilio server on 127.0.0.1.
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

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly DirectoryInfo dataDirectory;

    private PortalProcess(Process process, DirectoryInfo dataDirectory, Uri baseAddress, string connectionString)
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

    /// <summary>Sender number the app passes to Twilio, from the range Australia reserves for fiction.</summary>
    public const string TwilioSenderNumber = "+61491570159";

    /// <summary>
    /// Starts the app with Twilio pointed at <paramref name="twilioBaseUrl"/> and returns once its
    /// login page responds with a success status.
    /// </summary>
    public static async Task<PortalProcess> StartAsync(Uri twilioBaseUrl)
    {
        var webAssembly = ReadBuildMetadata("ClinicPortalWebAssemblyPath");
        if (!File.Exists(webAssembly))
        {
            throw new InvalidOperationException(
                $"ClinicPortal.Web was not found at {webAssembly}. Build the solution in the same configuration as the tests, or run scripts/test.sh.");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("clinicportal-browser-");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory.FullName, "clinicportal.db"),
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

        // Environment variables override user-secrets, so a developer's Twilio account is never
        // used: every setting that selects where and how SMS are sent is set here.
        startInfo.Environment["Twilio__AccountSid"] = FakeTwilioServer.TestAccountSid;
        startInfo.Environment["Twilio__AuthToken"] = FakeTwilioServer.TestAuthToken;
        startInfo.Environment["Twilio__PhoneNumber"] = TwilioSenderNumber;
        startInfo.Environment["Twilio__MessagingServiceSid"] = "";
        startInfo.Environment["Twilio__ApiBaseUrl"] = twilioBaseUrl.ToString();
        foreach (var variable in LegacyVariables)
        {
            startInfo.Environment.Remove(variable);
        }

        var process = new Process { StartInfo = startInfo };
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

    public async ValueTask DisposeAsync()
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
        finally
        {
            process.Dispose();
        }

        // Pooled connections of the test process would keep the database file open.
        SqliteConnection.ClearAllPools();
        dataDirectory.Delete(recursive: true);
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

    private static string ReadBuildMetadata(string key) =>
        typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; it is set in ClinicPortal.Tests.csproj.");
}
