using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>The patient's profile API: emergency contact numbers are stored in E.164 or rejected.</summary>
public sealed class ProfileApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TypedMobile_IsStoredAsE164()
    {
        var cleared = await PatchPhoneAsync("");
        var updated = await PatchPhoneAsync("0491 570 156");
        var read = await _patient.GetAsync("/api/auth/profile/");

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await PortalTestHost.ReadJsonAsync(cleared)).GetProperty("emergency_contact_phone").ValueKind);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("+61491570156", (await PortalTestHost.ReadJsonAsync(updated)).GetProperty("emergency_contact_phone").GetString());
        Assert.Equal("+61491570156", (await PortalTestHost.ReadJsonAsync(read)).GetProperty("emergency_contact_phone").GetString());
    }

    [Fact]
    public async Task Landline_Returns400WithFieldError()
    {
        var response = await PatchPhoneAsync("02 5550 1234");
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");
        var read = await PortalTestHost.ReadJsonAsync(await _patient.GetAsync("/api/auth/profile/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["emergency_contact_phone"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(
            "'02 5550 1234' is not a mobile number, so it cannot receive SMS. Enter a mobile number.",
            errors.GetProperty("emergency_contact_phone")[0].GetString());
        Assert.Equal(DemoAccounts.EmergencyContactPhone, read.GetProperty("emergency_contact_phone").GetString());
    }

    [Fact]
    public async Task EmptyNumberWhileSharing_Returns400()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: true);

        var response = await PatchPhoneAsync("");
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["emergency_contact_phone"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/api/auth/profile")]
    [InlineData("/api/auth/profile/")]
    [InlineData("/api/auth/preferences")]
    [InlineData("/api/auth/preferences/")]
    public async Task PatientRoutes_TrailingSlashOptional(string path)
    {
        var response = await _patient.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/share-log")]
    [InlineData("/api/admin/share-log/")]
    public async Task ShareLog_TrailingSlashOptional(string path)
    {
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);

        var response = await admin.GetAsync(path);
        var body = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task ShareLog_ForPatient_Returns403()
    {
        var response = await _patient.GetAsync("/api/admin/share-log/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<HttpResponseMessage> PatchPhoneAsync(string phone) =>
        _patient.PatchAsJsonAsync("/api/auth/profile/", new JsonObject { ["emergency_contact_phone"] = phone });
}
