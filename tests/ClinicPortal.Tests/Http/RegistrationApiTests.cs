using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>Self-registration through POST /api/auth/register makes the account a patient.</summary>
public sealed class RegistrationApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RegisteredAccount_GetsPatientProfile()
    {
        const string email = "new.patient@clinicportal.test";
        var anonymous = _host.CreateAnonymousClient();

        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new JsonObject { ["email"] = email, ["password"] = DemoAccounts.Password });
        var patient = await _host.SignInAsync(email);
        var profile = await patient.GetAsync("/api/auth/profile/");
        var body = await PortalTestHost.ReadJsonAsync(profile);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(2, await _host.CountRowsAsync("Patients"));
        Assert.Equal("", body.GetProperty("first_name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("emergency_contact_phone").ValueKind);
    }
}
