using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>
/// Sharing a new note with the emergency contact through the API, the real Twilio adapter and
/// the fake Twilio server.
/// </summary>
public sealed class ProgressSharingFlowTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;
    private HttpClient _psychologist = null!;
    private HttpClient _admin = null!;
    private int _patientId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        _admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(_patient);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NewNote_WithConsent_SendsSummaryOnce()
    {
        var expectedText = SummaryCase.Load("basic").ExpectedSms;
        await PortalTestHost.SetSharingAsync(_patient, share: true);

        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var noteId = created.GetProperty("id").GetInt32();
        var share = await PortalTestHost.WaitUntilSharedAsync(_admin, noteId);

        Assert.Equal("pending", created.GetProperty("share_status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("share_reason").ValueKind);

        var request = Assert.Single(_host.Twilio.Requests);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, request.To);
        Assert.Equal(ClinicPortalFactory.SenderPhoneNumber, request.From);
        Assert.Equal(expectedText, request.Body);
        Assert.Equal(FakeTwilioServer.TestAccountSid, request.PathAccountSid);
        Assert.Equal(FakeTwilioServer.TestAccountSid, request.BasicAuthAccountSid);
        Assert.Empty(_host.Twilio.UnexpectedRequests);

        Assert.Equal("queued", share.GetProperty("status").GetString());
        Assert.Equal(request.ResponseMessageSid, share.GetProperty("provider_message_id").GetString());
        Assert.Equal(DemoAccounts.MaskedEmergencyContactPhone, share.GetProperty("recipient").GetString());
        Assert.Equal(SmsSegments.Measure(expectedText).Segments, share.GetProperty("segments").GetInt32());
        Assert.Equal(3, share.GetProperty("segments").GetInt32());
        Assert.Equal(expectedText, share.GetProperty("message").GetString());
        Assert.Equal(DemoAccounts.PatientName, share.GetProperty("patient_name").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("error_code").ValueKind);
    }

    [Fact]
    public async Task NewNote_WithoutConsent_IsSkipped()
    {
        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var share = await PortalTestHost.GetShareAsync(_admin, created.GetProperty("id").GetInt32());

        Assert.Equal("skipped", created.GetProperty("share_status").GetString());
        Assert.Equal("no_consent", created.GetProperty("share_reason").GetString());
        Assert.Equal("skipped", share.GetProperty("status").GetString());
        Assert.Equal("no_consent", share.GetProperty("reason").GetString());
        Assert.Equal("", share.GetProperty("recipient").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("message").ValueKind);
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task NewNote_WithoutEmergencyContact_IsSkipped()
    {
        // The profile and consent rules keep a consenting patient from removing the number, so
        // only a record written before those rules can be in this state: it is written directly.
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        await _host.ExecuteSqlAsync("UPDATE Patients SET EmergencyContactPhone = NULL");

        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var share = await PortalTestHost.GetShareAsync(_admin, created.GetProperty("id").GetInt32());

        Assert.Equal("skipped", created.GetProperty("share_status").GetString());
        Assert.Equal("no_emergency_contact", created.GetProperty("share_reason").GetString());
        Assert.Equal("skipped", share.GetProperty("status").GetString());
        Assert.Equal("no_emergency_contact", share.GetProperty("reason").GetString());
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task SignedNote_IsNeverChangedOrSharedAgain()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: true);
        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var noteId = created.GetProperty("id").GetInt32();
        await PortalTestHost.WaitUntilSharedAsync(_admin, noteId);

        var edited = await _psychologist.PatchAsJsonAsync($"/api/auth/progress-notes/{noteId}/", new JsonObject { ["plan"] = "Add a breathing exercise before bed." });
        var unchanged = await _psychologist.PatchAsJsonAsync($"/api/auth/progress-notes/{noteId}/", new JsonObject());
        var replaced = await _psychologist.PutAsJsonAsync($"/api/auth/progress-notes/{noteId}/", ProgressNoteBody.Basic(_patientId));
        var deleted = await _psychologist.DeleteAsync($"/api/auth/progress-notes/{noteId}/");
        var addendum = await _psychologist.PostAsJsonAsync($"/api/auth/progress-notes/{noteId}/addenda/", new JsonObject { ["text"] = "Add a breathing exercise before bed." });

        // Running the dispatcher here sends anything still pending, so a share queued by an edit
        // or an addendum would show up as a second request.
        var handled = await _host.App.Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var note = await PortalTestHost.ReadJsonAsync(await _psychologist.GetAsync($"/api/auth/progress-notes/{noteId}/"));
        var editedProblem = await PortalTestHost.ReadJsonAsync(edited);

        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
        Assert.Equal(
            $"Progress note {noteId} is signed, so it cannot be changed or deleted. Add an addendum to correct it. Send the correction to POST /api/auth/progress-notes/{noteId}/addenda/ as {{\"text\": \"...\"}}.",
            editedProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, addendum.StatusCode);
        Assert.Equal(SummaryCase.Load("basic").Plan, note.GetProperty("plan").GetString());
        Assert.Equal("Add a breathing exercise before bed.", Assert.Single(note.GetProperty("addenda").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(0, handled);
        Assert.Single(_host.Twilio.Requests);
        Assert.Equal(SummaryCase.Load("basic").ExpectedSms, _host.Twilio.Requests[0].Body);
    }

    [Fact]
    public async Task TwilioAuthenticationError_FailsShareKeepsNote()
    {
        _host.Twilio.Enqueue(FakeTwilioResponse.AuthenticationError());
        await PortalTestHost.SetSharingAsync(_patient, share: true);

        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var noteId = created.GetProperty("id").GetInt32();
        var share = await PortalTestHost.WaitUntilSharedAsync(_admin, noteId);
        var note = await _psychologist.GetAsync($"/api/auth/progress-notes/{noteId}/");

        Assert.Equal("failed", share.GetProperty("status").GetString());
        Assert.Equal("20003", share.GetProperty("error_code").GetString());
        Assert.Equal(
            "Twilio rejected the clinic's credentials: check Twilio:AccountSid and Twilio:AuthToken. Twilio answered HTTP 401, code 20003: Authenticate",
            share.GetProperty("error_message").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("provider_message_id").ValueKind);
        Assert.Single(_host.Twilio.Requests);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("failed", (await PortalTestHost.ReadJsonAsync(note)).GetProperty("share_status").GetString());
    }

    [Fact]
    public async Task DroppedConnection_ShareUnknownKeepsNote()
    {
        _host.Twilio.Enqueue(FakeTwilioResponse.ConnectionDropped());
        await PortalTestHost.SetSharingAsync(_patient, share: true);

        var created = await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId));
        var noteId = created.GetProperty("id").GetInt32();
        var share = await PortalTestHost.WaitUntilSharedAsync(_admin, noteId);
        var note = await _psychologist.GetAsync($"/api/auth/progress-notes/{noteId}/");

        // The request reached the server before the connection dropped, so Twilio may have sent it.
        Assert.Equal("unknown", share.GetProperty("status").GetString());
        Assert.Equal("ApiConnectionException", share.GetProperty("error_code").GetString());
        Assert.StartsWith("The connection to Twilio failed during the request: ", share.GetProperty("error_message").GetString());
        Assert.Single(_host.Twilio.Requests);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
    }
}
