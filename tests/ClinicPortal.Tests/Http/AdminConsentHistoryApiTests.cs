using System.Net;
using System.Text.Json;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>GET /api/admin/patients/{id}/consent-history/ returns any patient's consent history to admins and 403 to other roles.</summary>
public sealed class AdminConsentHistoryApiTests : IAsyncLifetime
{
    private const string SessionNote = "Patient asked in session to stop updates to her brother.";

    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;
    private int _patientId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(_patient);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Admin_Returns200WithEntries()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        var psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
        await _host.App.Services.GetRequiredService<SharingConsentService>()
            .RecordInSessionAsync(psychologistId, _patientId, granted: false, SessionNote);
        var stored = await ReadStoredTimesAsync();
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);

        var response = await admin.GetAsync($"/api/admin/patients/{_patientId}/consent-history/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await PortalTestHost.ReadJsonAsync(response);
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);

        Assert.Equal(["recorded_at", "action", "version", "method", "recorded_by", "note"], results[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(stored[0], results[0].GetProperty("recorded_at").GetDateTime());
        Assert.EndsWith("Z", results[0].GetProperty("recorded_at").GetString());
        Assert.Equal("granted", results[0].GetProperty("action").GetString());
        Assert.Equal("1.0", results[0].GetProperty("version").GetString());
        Assert.Equal("api", results[0].GetProperty("method").GetString());
        Assert.Equal(DemoAccounts.PatientName, results[0].GetProperty("recorded_by").GetString());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("note").ValueKind);

        Assert.Equal(stored[1], results[1].GetProperty("recorded_at").GetDateTime());
        Assert.Equal("withdrawn", results[1].GetProperty("action").GetString());
        Assert.Equal("1.0", results[1].GetProperty("version").GetString());
        Assert.Equal("recorded_in_session", results[1].GetProperty("method").GetString());
        Assert.Equal("Dr Ava Patel", results[1].GetProperty("recorded_by").GetString());
        Assert.Equal(SessionNote, results[1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Admin_NoHistory_ReturnsEmptyList()
    {
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);

        var response = await admin.GetAsync($"/api/admin/patients/{_patientId}/consent-history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await PortalTestHost.ReadJsonAsync(response);
        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Admin_UnknownPatient_Returns404()
    {
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);

        var response = await admin.GetAsync("/api/admin/patients/404404/consent-history/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Patient 404404 was not found.", (await PortalTestHost.ReadJsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Psychologist_Returns403()
    {
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);

        var response = await psychologist.GetAsync($"/api/admin/patients/{_patientId}/consent-history/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Patient_Returns403()
    {
        var response = await _patient.GetAsync($"/api/admin/patients/{_patientId}/consent-history/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_Returns401()
    {
        var response = await _host.CreateAnonymousClient().GetAsync($"/api/admin/patients/{_patientId}/consent-history/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<List<DateTime>> ReadStoredTimesAsync()
    {
        await using var db = await _host.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.ConsentHistory.Where(e => e.PatientId == _patientId).OrderBy(e => e.Id).Select(e => e.RecordedAtUtc).ToListAsync();
    }
}
