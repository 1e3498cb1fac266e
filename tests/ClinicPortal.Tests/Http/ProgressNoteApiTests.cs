using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>
/// The note routes beyond create: the paged list, reading a note (which the access log records),
/// addenda, changes to drafts, and what a patient is shown of a withheld note.
/// </summary>
public sealed class ProgressNoteApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;
    private HttpClient _psychologist = null!;
    private int _patientId;
    private string _psychologistId = "";

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(_patient);
        _psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_PagesNewestFirstWithoutText()
    {
        var older = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var newerBody = ProgressNoteBody.Basic(_patientId);
        newerBody["session_date"] = "2025-02-02T10:00:00Z";
        newerBody["session_number"] = 2;
        var newer = await PortalTestHost.CreateNoteAsync(_psychologist, newerBody);
        await _psychologist.PostAsJsonAsync($"/api/auth/progress-notes/{older.GetProperty("id").GetInt32()}/addenda/", new JsonObject { ["text"] = "Rating corrected: 6, not 7." });

        var firstPage = await PortalTestHost.ReadJsonAsync(await _psychologist.GetAsync($"/api/auth/progress-notes/?patient={_patientId}&page_size=1"));
        var secondPage = await PortalTestHost.ReadJsonAsync(await _psychologist.GetAsync($"/api/auth/progress-notes/?patient={_patientId}&page=2&page_size=1"));

        Assert.Equal(2, firstPage.GetProperty("count").GetInt32());
        var first = Assert.Single(firstPage.GetProperty("results").EnumerateArray());
        Assert.Equal(newer.GetProperty("id").GetInt32(), first.GetProperty("id").GetInt32());
        Assert.Equal("signed", first.GetProperty("status").GetString());
        Assert.Equal(0, first.GetProperty("addendum_count").GetInt32());
        Assert.Equal(2, first.GetProperty("session_number").GetInt32());
        Assert.False(first.TryGetProperty("subjective", out _));
        var second = Assert.Single(secondPage.GetProperty("results").EnumerateArray());
        Assert.Equal(older.GetProperty("id").GetInt32(), second.GetProperty("id").GetInt32());
        Assert.Equal(1, second.GetProperty("addendum_count").GetInt32());
        Assert.Equal(7, second.GetProperty("progress_rating").GetInt32());
        Assert.Equal(0, await _host.CountRowsAsync("AccessLog"));
    }

    [Fact]
    public async Task List_WithoutPatient_NamesPatientField()
    {
        var response = await _psychologist.GetAsync("/api/auth/progress-notes/");
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the id of the patient whose notes to list, for example ?patient=12.", errors.GetProperty("patient")[0].GetString());
    }

    [Fact]
    public async Task Get_RecordsReadInAccessLog()
    {
        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var noteId = created.GetProperty("id").GetInt32();

        var note = await PortalTestHost.ReadJsonAsync(await _psychologist.GetAsync($"/api/auth/progress-notes/{noteId}/"));

        Assert.Equal("signed", note.GetProperty("status").GetString());
        Assert.Equal(DemoAccounts.PsychologistEmail, note.GetProperty("signed_by").GetString());
        Assert.Equal(64, note.GetProperty("content_hash").GetString()!.Length);
        Assert.Equal(1, await _host.CountRowsAsync("AccessLog"));
        await using var db = await _host.App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ClinicPortal.Domain.Persistence.ClinicDbContext>>().CreateDbContextAsync();
        var entry = db.AccessLog.Single();
        Assert.Equal(_psychologistId, entry.UserId);
        Assert.Equal($"note {noteId}", entry.Subject);
    }

    [Fact]
    public async Task Addendum_EmptyText_Returns400NamingText()
    {
        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));

        var response = await _psychologist.PostAsJsonAsync($"/api/auth/progress-notes/{created.GetProperty("id").GetInt32()}/addenda/", new JsonObject { ["text"] = "" });
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Write the correction or addition in the addendum text.", errors.GetProperty("text")[0].GetString());
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNoteAddenda"));
    }

    [Fact]
    public async Task Draft_PatchedThenDeleted()
    {
        var drafts = _host.App.Services.GetRequiredService<NoteDraftService>();
        var basic = SummaryCase.Load("basic");
        var draft = await drafts.SaveAsync(_psychologistId, _patientId, null, new ProgressNoteContent(basic.SessionDateUtc, 1, basic.Subjective, "", "", "", null));

        var patched = await _psychologist.PatchAsJsonAsync($"/api/auth/progress-notes/{draft.NoteId}/", new JsonObject { ["plan"] = "Keep a sleep diary.", ["progress_rating"] = 6 });
        var patchedBody = await PortalTestHost.ReadJsonAsync(patched);
        var invalid = await _psychologist.PatchAsJsonAsync($"/api/auth/progress-notes/{draft.NoteId}/", new JsonObject { ["progress_rating"] = 11 });
        var deleted = await _psychologist.DeleteAsync($"/api/auth/progress-notes/{draft.NoteId}/");
        var afterDelete = await _psychologist.GetAsync($"/api/auth/progress-notes/{draft.NoteId}/");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("draft", patchedBody.GetProperty("status").GetString());
        Assert.Equal("Keep a sleep diary.", patchedBody.GetProperty("plan").GetString());
        Assert.Equal(6, patchedBody.GetProperty("progress_rating").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            "Enter a progress rating from 1 to 10, or leave it empty.",
            (await PortalTestHost.ReadJsonAsync(invalid)).GetProperty("errors").GetProperty("progress_rating")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.Equal(0, await _host.CountRowsAsync("ProgressShares"));
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task WithheldNote_PatientNeverSeesReason()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        var basic = SummaryCase.Load("basic");
        var content = new ProgressNoteContent(basic.SessionDateUtc, 1, basic.Subjective, basic.Objective, basic.Assessment, basic.Plan, basic.ProgressRating);
        var signing = _host.App.Services.GetRequiredService<NoteSigningService>();
        const string reason = "RISK-DETAIL-STAFF-ONLY in the subjective.";

        await signing.SignAsync(_psychologistId, _patientId, null, content, new SignOptions(ShareChoice.WithholdFor(reason)));
        var shares = await _patient.GetAsync("/api/auth/shares/");
        var sharesText = await shares.Content.ReadAsStringAsync();
        var csv = await (await _patient.GetAsync("/api/auth/shares/csv/")).Content.ReadAsStringAsync();
        var share = (await PortalTestHost.ReadJsonAsync(shares)).GetProperty("results")[0];

        Assert.Equal("skipped", share.GetProperty("status").GetString());
        Assert.Equal("withheld_by_clinician", share.GetProperty("reason").GetString());
        Assert.DoesNotContain("RISK-DETAIL-STAFF-ONLY", sharesText, StringComparison.Ordinal);
        Assert.Contains("withheld", csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RISK-DETAIL-STAFF-ONLY", csv, StringComparison.Ordinal);
        Assert.Empty(_host.Twilio.Requests);
    }
}
