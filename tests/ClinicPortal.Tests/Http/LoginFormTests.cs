using System.Net;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>Signing in through the statically rendered login page, as a browser without JavaScript would.</summary>
public sealed partial class LoginFormTests : IAsyncLifetime
{
    /// <summary>Part of the comment Blazor writes where a component runs interactively on the server.</summary>
    private const string InteractiveServerMarker = "\"type\":\"server\"";

    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LoginForm_RedirectsWithAuthCookie()
    {
        var client = _host.CreateAnonymousClient();
        var page = await client.GetAsync("/Account/Login");
        var html = await page.Content.ReadAsStringAsync();
        var fields = HiddenInputs(html);
        fields["Input.Email"] = DemoAccounts.PsychologistEmail;
        fields["Input.Password"] = DemoAccounts.Password;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        Assert.DoesNotContain(InteractiveServerMarker, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", response.Headers.Location?.OriginalString);
        Assert.Contains(cookies, cookie => cookie.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.DoesNotContain("Invalid login attempt", body, StringComparison.Ordinal);
        Assert.DoesNotContain("read-only", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_IsInteractive()
    {
        var client = _host.CreateAnonymousClient();

        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains(InteractiveServerMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_WrongPassword_ShowsError()
    {
        var client = _host.CreateAnonymousClient();
        var html = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var fields = HiddenInputs(html);
        fields["Input.Email"] = DemoAccounts.PsychologistEmail;
        fields["Input.Password"] = "Wrong-Password-1";

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Error: Invalid login attempt.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies, cookie => cookie.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    /// <summary>Reads the hidden inputs of the login form, such as the antiforgery token and the form's handler name.</summary>
    internal static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            fields[WebUtility.HtmlDecode(input.Groups["name"].Value)] = WebUtility.HtmlDecode(input.Groups["value"].Value);
        }

        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
