using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>
/// Account administration through /api/admin/accounts/: the one-time password link, lockout after
/// five failed sign-ins and unlocking, and role changes and disabling that reach open sessions.
/// </summary>
public sealed class AccountApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        _admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_LinkSetsPasswordOnce()
    {
        var response = await _admin.PostAsJsonAsync("/api/admin/accounts/",
            new JsonObject { ["email"] = "noah.kim@clinicportal.test", ["display_name"] = "Dr Noah Kim", ["roles"] = new JsonArray("Psychologist") });
        var body = await PortalTestHost.ReadJsonAsync(response);
        var link = body.GetProperty("password_link").GetString()!;
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(new Uri(link).Query)["code"]!));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/ResetPassword?code=", link, StringComparison.Ordinal);
        Assert.Equal(["Psychologist"], body.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(body.GetProperty("account").GetProperty("has_password").GetBoolean());

        Assert.True((await ResetPasswordAsync("noah.kim@clinicportal.test", token, "New-Password-1")).Succeeded);
        Assert.False((await ResetPasswordAsync("noah.kim@clinicportal.test", token, "Other-Password-2")).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("noah.kim@clinicportal.test", "New-Password-1")).StatusCode);

        var audit = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync("/api/admin/account-audit/"));
        Assert.Equal(["password_link_issued", "created"], audit.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Create_InvalidBody_ProblemNamesFields()
    {
        var response = await _admin.PostAsJsonAsync("/api/admin/accounts/", new JsonObject { ["email"] = "noah", ["roles"] = new JsonArray() });
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["display_name", "email", "roles"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task FiveFailedSignIns_LockUntilAdminUnlocks()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(DemoAccounts.PsychologistEmail, "Wrong-Password-1")).StatusCode);
        }

        var locked = await LoginAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password);
        var formMessage = await PostLoginFormAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password);
        var psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
        var listed = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync($"/api/admin/accounts/{psychologistId}/"));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("The account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an admin to unlock it.", (await PortalTestHost.ReadJsonAsync(locked)).GetProperty("detail").GetString());
        Assert.Contains("Error: This account is locked after 5 failed sign-ins. Try again in 15 minutes, or ask an admin to unlock it.", formMessage, StringComparison.Ordinal);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed.GetProperty("locked_out_until_utc").ValueKind);

        var unlock = await _admin.PostAsync($"/api/admin/accounts/{psychologistId}/unlock/", null);

        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await PortalTestHost.ReadJsonAsync(unlock)).GetProperty("locked_out_until_utc").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task RoleRemoved_OpenSessionRejected()
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        Assert.Equal(HttpStatusCode.Created, (await psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(patientId))).StatusCode);
        var psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);

        var change = await _admin.PatchAsJsonAsync($"/api/admin/accounts/{psychologistId}/", new JsonObject { ["roles"] = new JsonArray("Admin") });
        var afterChange = await psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(patientId));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterChange.StatusCode);
        Assert.Equal("This action needs the Psychologist role.", (await PortalTestHost.ReadJsonAsync(afterChange)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Disabled_SignInRefused_CookieEnded()
    {
        var cookieClient = _host.CreateAnonymousClient();
        var signedIn = await PostLoginFormAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password, cookieClient);
        // Signed in but not an admin: 403. Once the cookie is no longer valid: 401.
        var cookieBefore = await cookieClient.GetAsync("/api/admin/share-log/");
        var psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);

        var disable = await _admin.PatchAsJsonAsync($"/api/admin/accounts/{psychologistId}/", new JsonObject { ["disabled"] = true });
        var cookieAfter = await cookieClient.GetAsync("/api/admin/share-log/");
        var login = await LoginAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password);
        var formMessage = await PostLoginFormAsync(DemoAccounts.PsychologistEmail, DemoAccounts.Password);

        Assert.Equal("", signedIn);
        Assert.Equal(HttpStatusCode.Forbidden, cookieBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True((await PortalTestHost.ReadJsonAsync(disable)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, cookieAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("The account cannot sign in: it is disabled. Ask an admin of the clinic.", (await PortalTestHost.ReadJsonAsync(login)).GetProperty("detail").GetString());
        Assert.Contains("Error: This account is disabled. Ask an admin of the clinic to enable it.", formMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAdmin_Rejected()
    {
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await psychologist.GetAsync("/api/admin/accounts/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await psychologist.GetAsync("/api/admin/account-audit/")).StatusCode);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _host.CreateAnonymousClient().PostAsJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = password });

    /// <summary>Posts the login form; returns the page's error text, or "" when it redirected after signing in.</summary>
    private async Task<string> PostLoginFormAsync(string email, string password, HttpClient? client = null)
    {
        client ??= _host.CreateAnonymousClient();
        var html = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var fields = LoginFormTests.HiddenInputs(html);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
    }

    private async Task<IdentityResult> ResetPasswordAsync(string email, string token, string password)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return await users.ResetPasswordAsync(user!, token, password);
    }
}
