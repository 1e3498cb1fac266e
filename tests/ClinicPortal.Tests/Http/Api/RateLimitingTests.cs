using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>Sign-in limits per address and per account, and the writes limit per user, set small through configuration.</summary>
public sealed class RateLimitingTests
{
    [Fact]
    public async Task SignInPerAddress_Returns429WithRetryAfter()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SignInPerAddress"] = "3",
            ["RateLimiting:SignInWindow"] = "00:10:00",
        });
        var client = host.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var email in new[] { DemoAccounts.PatientEmail, DemoAccounts.PsychologistEmail, DemoAccounts.AdminEmail })
        {
            statuses.Add((await LogInAsync(client, email)).StatusCode);
        }

        var rejected = await LogInAsync(client, DemoAccounts.PatientEmail);
        var problem = await PortalTestHost.ReadJsonAsync(rejected);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.InRange(rejected.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Equal("Too Many Requests", problem.GetProperty("title").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("Too many requests. Wait ", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("trace_id", out _));
    }

    [Fact]
    public async Task SignInPerAccount_LimitsOnlyThatAccount()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SignInPerAccount"] = "2",
        });
        var client = host.CreateAnonymousClient();

        var wrong = await LogInAsync(client, DemoAccounts.PatientEmail, "Wrong-Password-1");
        var right = await LogInAsync(client, DemoAccounts.PatientEmail);
        var limited = await LogInAsync(client, DemoAccounts.PatientEmail.ToUpperInvariant());
        var otherAccount = await LogInAsync(client, DemoAccounts.AdminEmail);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task LoginForm_CountsTowardsAddressLimit()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SignInPerAddress"] = "2",
        });
        var client = host.CreateAnonymousClient();

        var first = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        var second = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        var third = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        var page = await client.GetAsync("/Account/Login");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.StartsWith("Too many requests. Wait ", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task LoginForm_LimitsPerAccount()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:SignInPerAccount"] = "1",
        });
        var client = host.CreateAnonymousClient();

        var first = await PostLoginFormAsync(client, DemoAccounts.PsychologistEmail, "Wrong-Password-1");
        var second = await PostLoginFormAsync(client, DemoAccounts.PsychologistEmail, DemoAccounts.Password);
        var otherAccount = await PostLoginFormAsync(client, DemoAccounts.AdminEmail, DemoAccounts.Password);

        Assert.Contains("Error: Invalid login attempt.", first, StringComparison.Ordinal);
        Assert.Matches(@"Error: Too many sign-in attempts for this account\. Try again in \d+ seconds\.", second);
        Assert.Equal("redirect", otherAccount);
    }

    [Fact]
    public async Task WritesPerUser_LimitsOnlyThatUser()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:WritesPerUser"] = "2",
            ["RateLimiting:WritesWindow"] = "00:10:00",
        });
        var patient = await host.SignInAsync(DemoAccounts.PatientEmail);
        var psychologist = await host.SignInAsync(DemoAccounts.PsychologistEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);

        var writes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            writes.Add((await patient.PatchAsJsonAsync("/api/auth/profile/", new JsonObject { ["first_name"] = "Mia" })).StatusCode);
        }

        var read = await patient.GetAsync("/api/auth/profile/");
        var otherUser = await psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(patientId));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], writes);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
    }

    /// <summary>Posts the login form and returns the page's HTML, or "redirect" when the sign-in succeeded.</summary>
    private static async Task<string> PostLoginFormAsync(HttpClient client, string email, string password)
    {
        var fields = LoginFormTests.HiddenInputs(await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync());
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect ? "redirect" : await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password = DemoAccounts.Password) =>
        client.PostAsJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = password });
}
