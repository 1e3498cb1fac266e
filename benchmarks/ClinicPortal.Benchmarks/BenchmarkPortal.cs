using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// The whole portal in this process (WebApplicationFactory and TestServer) in Production, on a
/// SQLite file, with the demo accounts seeded and the real Twilio adapter pointed at a
/// <see cref="FakeTwilioServer"/> on 127.0.0.1.
/// </summary>
internal sealed class BenchmarkPortal(string databasePath, FakeTwilioServer twilio, IReadOnlyDictionary<string, string> settings)
    : WebApplicationFactory<global::Program>
{
    /// <summary>Password of the demo accounts, given to the app as DemoData:Password.</summary>
    public const string Password = "Demo-Password-1";

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings given with UseSetting reach the app as command-line arguments, so they are
        // visible while Program.cs registers services.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:DefaultConnection", ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Password", Password);
        builder.UseSetting("Twilio:AccountSid", FakeTwilioServer.TestAccountSid);
        builder.UseSetting("Twilio:AuthToken", FakeTwilioServer.TestAuthToken);
        builder.UseSetting("Twilio:PhoneNumber", "+61400000000");
        builder.UseSetting("Twilio:MessagingServiceSid", "");
        builder.UseSetting("Twilio:ApiBaseUrl", twilio.BaseUrl.ToString());

        // The benchmark writes notes far faster than a person does; the API's writes limit would stop it.
        builder.UseSetting("RateLimiting:WritesPerUser", "1000000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
