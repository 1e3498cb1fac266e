using System.Globalization;
using System.Net;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>GET /api/admin/share-log/ with its query parameters, and its CSV export.</summary>
public sealed class ShareLogApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _admin = null!;
    private int _patientId;
    private int _noteId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        _noteId = (await PortalTestHost.CreateNoteAsync(psychologist, ProgressNoteBody.Basic(_patientId))).GetProperty("id").GetInt32();
        _admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Csv_ContainsFilteredRowsExactly()
    {
        var share = await _host.LoadShareAsync(_noteId);
        var clinicTime = TimeZoneInfo.ConvertTimeFromUtc(share.CreatedAtUtc, TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney"));

        var response = await _admin.GetAsync("/api/admin/share-log/csv/?status=skipped&search=thomp");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("share-log.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(
            "Id,CreatedAt,CreatedClinicTime,SentAt,PatientId,Patient,Recipient,Status,Reason,ErrorCode,ErrorMessage,Segments\r\n"
            + string.Create(CultureInfo.InvariantCulture, $"{share.Id},{share.CreatedAtUtc:yyyy-MM-ddTHH:mm:ssZ},{clinicTime:yyyy-MM-dd HH:mm:ss},,{_patientId},Mia Thompson,,Skipped,NoConsent,,,\r\n"),
            text);

        var entry = await ReadAccessLogAsync();
        Assert.Equal(AccessLogAction.ExportShareLog, entry.Action);
        Assert.Equal(await _host.GetUserIdAsync(DemoAccounts.AdminEmail), entry.UserId);
        Assert.Equal("status=Skipped; search=thomp", entry.Subject);
    }

    [Fact]
    public async Task Csv_FormulaInName_ExportedAsText()
    {
        await _host.ExecuteSqlAsync($"UPDATE Patients SET FirstName = '=HYPERLINK(\"http://127.0.0.1/x\",\"Mia\")' WHERE Id = {_patientId}");

        var text = await (await _admin.GetAsync("/api/admin/share-log/csv/?status=skipped")).Content.ReadAsStringAsync();
        var row = text.Split("\r\n")[1];

        Assert.Contains(",\"'=HYPERLINK(\"\"http://127.0.0.1/x\"\",\"\"Mia\"\") Thompson\",", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_NoMatch_HeaderOnly()
    {
        var response = await _admin.GetAsync("/api/admin/share-log/csv/?status=failed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Id,CreatedAt,CreatedClinicTime,SentAt,PatientId,Patient,Recipient,Status,Reason,ErrorCode,ErrorMessage,Segments\r\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("status=Failed", (await ReadAccessLogAsync()).Subject);
    }

    [Fact]
    public async Task List_Filters_ReturnMatches()
    {
        var matching = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync($"/api/admin/share-log/?status=skipped&reason=no_consent&patient={_patientId}&search=Mia&ordering=-created_at&from=2020-01-01T00:00:00Z"));
        var none = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync("/api/admin/share-log/?status=delivered"));
        var psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
        var byPsychologist = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync($"/api/admin/share-log/?psychologist={psychologistId}&to=2999-12-31"));

        Assert.Equal(1, matching.GetProperty("count").GetInt32());
        Assert.Equal(_noteId, matching.GetProperty("results")[0].GetProperty("note_id").GetInt32());
        Assert.Equal("skipped", matching.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(0, none.GetProperty("count").GetInt32());
        Assert.Equal(1, byPsychologist.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task List_InvalidParameters_ProblemNamesEach()
    {
        var response = await _admin.GetAsync("/api/admin/share-log/?status=lost&reason=because&patient=abc&from=yesterday&to=2025-13-01&ordering=name&page_size=500");
        var problem = await PortalTestHost.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["from", "ordering", "patient", "reason", "status", "to"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("'lost' is not a valid status. Use one of: pending, queued, sent, delivered, undelivered, failed, skipped, unknown.", errors.GetProperty("status")[0].GetString());
        Assert.Equal("'abc' is not a patient id. Enter a whole number of 1 or more.", errors.GetProperty("patient")[0].GetString());
        Assert.Equal("'yesterday' is not an ISO 8601 date. Use a date such as 2025-04-06, or a time such as 2025-04-06T02:30:00+10:00.", errors.GetProperty("from")[0].GetString());
        Assert.Equal("'name' is not a known ordering. Use one of: created_at, -created_at, patient_name, -patient_name, status, -status.", errors.GetProperty("ordering")[0].GetString());
    }

    [Fact]
    public async Task List_DateOnlyRange_IsClinicDays()
    {
        var share = await _host.LoadShareAsync(_noteId);
        var clinicDay = TimeZoneInfo.ConvertTimeFromUtc(share.CreatedAtUtc, TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nextDay = DateOnly.ParseExact(clinicDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var sameDay = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync($"/api/admin/share-log/?from={clinicDay}&to={clinicDay}"));
        var later = await PortalTestHost.ReadJsonAsync(await _admin.GetAsync($"/api/admin/share-log/?from={nextDay}"));

        Assert.Equal(1, sameDay.GetProperty("count").GetInt32());
        Assert.Equal(0, later.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Details_ReturnsShareWithAttempts()
    {
        var share = await _host.LoadShareAsync(_noteId);

        var response = await _admin.GetAsync($"/api/admin/share-log/{share.Id}/");
        var body = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoAccounts.PatientName, body.GetProperty("patient_name").GetString());
        Assert.Equal("Dr Ava Patel", body.GetProperty("psychologist_name").GetString());
        Assert.Equal("no_consent", body.GetProperty("reason").GetString());
        Assert.Equal(0, body.GetProperty("attempts").GetArrayLength());
        Assert.Equal(0, body.GetProperty("callbacks").GetArrayLength());
    }

    [Fact]
    public async Task Psychologist_Rejected()
    {
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await psychologist.GetAsync("/api/admin/share-log/csv/")).StatusCode);
        Assert.Equal(0, await _host.CountRowsAsync("AccessLog"));
    }

    private async Task<AccessLogEntry> ReadAccessLogAsync()
    {
        await using var db = await _host.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.AccessLog.SingleAsync();
    }
}
