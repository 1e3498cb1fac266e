using System.Net;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>After signing in, the login page follows a return address only when it is on this site.</summary>
public sealed class LoginReturnUrlTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("https://evil.example/", "http://localhost/")]
    [InlineData("//evil.example/", "http://localhost/")]
    [InlineData("/\\evil.example/", "http://localhost/")]
    [InlineData("http://localhost/patient/profile", "http://localhost/patient/profile")]
    [InlineData("/patient/profile", "http://localhost/patient/profile")]
    public async Task SignIn_RedirectsOnlyWithinSite(string returnUrl, string expectedLocation)
    {
        var client = _host.CreateAnonymousClient();
        var loginPath = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var html = await (await client.GetAsync(loginPath)).Content.ReadAsStringAsync();
        var fields = LoginFormTests.HiddenInputs(html);
        fields["Input.Email"] = DemoAccounts.PatientEmail;
        fields["Input.Password"] = DemoAccounts.Password;

        var response = await client.PostAsync(loginPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
    }
}
