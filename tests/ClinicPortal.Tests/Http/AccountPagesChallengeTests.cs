using System.Net;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>A signed-out visitor to an account page is sent to the login page, and an API caller gets 401.</summary>
public sealed class AccountPagesChallengeTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ManagePage_SignedOut_RedirectsToLogin()
    {
        var client = _host.CreateAnonymousClient();

        var response = await client.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/Account/Login?ReturnUrl=%2FAccount%2FManage", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ManageApi_SignedOut_Answers401()
    {
        var client = _host.CreateAnonymousClient();

        var response = await client.GetAsync("/api/auth/manage/info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
