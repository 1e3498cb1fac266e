using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// Runs the whole portal in memory on a SQLite file, with the demo accounts seeded and the real
/// Twilio adapter pointed at a <see cref="FakeTwilioServer"/>, so no request can reach Twilio.
/// <paramref name="settings"/> are applied last, so they override the defaults set here, and
/// <paramref name="logs"/>, when given, receives every log entry of the app at any level.
/// </summary>
internal sealed class ClinicPortalFactory(
    TestDatabaseFile database,
    FakeTwilioServer twilio,
    bool dispatcherEnabled = true,
    IReadOnlyDictionary<string, string?>? settings = null,
    ILoggerProvider? logs = null)
    : WebApplicationFactory<Program>
{
    public const string SenderPhoneNumber = "+61400000000";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings given with UseSetting reach the app as command-line arguments, so they are
        // visible while Program.cs registers services.
        builder.UseEnvironment("Development");

        // Each watched settings file takes an inotify instance, and a Linux user has 128 by
        // default. Test classes start many hosts in parallel, and no test edits settings files.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("ConnectionStrings:DefaultConnection", database.ConnectionString);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Password", DemoAccounts.Password);
        builder.UseSetting("Twilio:AccountSid", FakeTwilioServer.TestAccountSid);
        builder.UseSetting("Twilio:AuthToken", FakeTwilioServer.TestAuthToken);
        builder.UseSetting("Twilio:PhoneNumber", SenderPhoneNumber);
        builder.UseSetting("Twilio:MessagingServiceSid", "");
        builder.UseSetting("Twilio:ApiBaseUrl", twilio.BaseUrl.ToString());
        builder.UseSetting("ProgressSharing:DispatcherEnabled", dispatcherEnabled ? "true" : "false");

        // Tests sign in and write far more often than people do. A test of the limits sets its own.
        builder.UseSetting("RateLimiting:SignInPerAddress", "1000000");
        builder.UseSetting("RateLimiting:SignInPerAccount", "1000000");
        builder.UseSetting("RateLimiting:WritesPerUser", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                logging.AddProvider(logs);
                logging.Services.Configure<LoggerFilterOptions>(options =>
                    options.Rules.Add(new LoggerFilterRule(logs.GetType().FullName, categoryName: null, LogLevel.Trace, filter: null)));
            }
        });
    }
}
