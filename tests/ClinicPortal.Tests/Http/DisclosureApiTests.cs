using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>
/// What a patient can learn about their own disclosures (APP 12): the shares made for their notes,
/// their consent history, both as JSON and as CSV, and consent to a named version.
/// </summary>
public sealed class DisclosureApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;
    private HttpClient _psychologist = null!;
    private int _patientId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(_patient);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConsentToOtherVersion_Returns400()
    {
        var response = await _patient.PostAsJsonAsync("/api/auth/preferences/consent/", new { version = "0.9" });
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");
        var preferences = await PortalTestHost.ReadJsonAsync(await _patient.GetAsync("/api/auth/preferences/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["version"], errors.EnumerateObject().Select(e => e.Name));
        Assert.False(preferences.GetProperty("share_progress_with_emergency_contact").GetBoolean());
    }

    [Fact]
    public async Task ConsentToCurrentVersion_RecordsApiMethod()
    {
        var response = await _patient.PostAsJsonAsync("/api/auth/preferences/consent/", new { version = "1.0" });
        var preferences = await PortalTestHost.ReadJsonAsync(response);
        var history = await PortalTestHost.ReadJsonAsync(await _patient.GetAsync("/api/auth/consent-history/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(preferences.GetProperty("share_progress_with_emergency_contact").GetBoolean());
        Assert.Equal("1.0", preferences.GetProperty("consent_version").GetString());
        Assert.False(preferences.GetProperty("consent_out_of_date").GetBoolean());
        Assert.Equal(1, history.GetProperty("count").GetInt32());
        var entry = history.GetProperty("results")[0];
        Assert.Equal("granted", entry.GetProperty("action").GetString());
        Assert.Equal("api", entry.GetProperty("method").GetString());
        Assert.Equal("Mia Thompson", entry.GetProperty("recorded_by").GetString());
    }

    [Fact]
    public async Task Shares_ListSentAndSkippedForOwnNotes()
    {
        var skipped = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        var sent = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        await PortalTestHost.WaitUntilSharedAsync(await _host.SignInAsync(DemoAccounts.AdminEmail), sent.GetProperty("id").GetInt32());

        var shares = await PortalTestHost.ReadJsonAsync(await _patient.GetAsync("/api/auth/shares/?page=1&page_size=10"));

        Assert.Equal(2, shares.GetProperty("count").GetInt32());
        var newest = shares.GetProperty("results")[0];
        var oldest = shares.GetProperty("results")[1];
        Assert.Equal(sent.GetProperty("id").GetInt32(), newest.GetProperty("note_id").GetInt32());
        Assert.Equal("queued", newest.GetProperty("status").GetString());
        Assert.Equal("*********156", newest.GetProperty("recipient").GetString());
        Assert.Equal(SummaryCase.Load("basic").ExpectedSms, newest.GetProperty("message").GetString());
        Assert.Equal(skipped.GetProperty("id").GetInt32(), oldest.GetProperty("note_id").GetInt32());
        Assert.Equal("skipped", oldest.GetProperty("status").GetString());
        Assert.Equal("no_consent", oldest.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, oldest.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task SharesCsv_HasHeaderAndOneRowPerShare()
    {
        await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));

        var response = await _patient.GetAsync("/api/auth/shares/csv/");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("shared-updates.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(2, lines.Length);
        Assert.Equal("Id,NoteId,SessionDate,CreatedAt,SentAt,Recipient,Status,Reason,Message", lines[0]);
        Assert.EndsWith(",Skipped,NoConsent,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentHistoryCsv_ListsEachChange()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        await PortalTestHost.SetSharingAsync(_patient, share: false);

        var response = await _patient.GetAsync("/api/auth/consent-history/csv/");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, lines.Length);
        Assert.Equal("RecordedAt,Action,Version,Method,RecordedBy,Note", lines[0]);
        Assert.EndsWith(",Granted,1.0,Api,Mia Thompson,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Withdrawn,1.0,Api,Mia Thompson,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Psychologist_CannotReadPatientRoutes()
    {
        var shares = await _psychologist.GetAsync("/api/auth/shares/");
        var history = await _psychologist.GetAsync("/api/auth/consent-history/csv/");

        Assert.Equal(HttpStatusCode.Forbidden, shares.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }
}
