using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>Idempotency-Key on POST /api/auth/progress-notes/ and on an admin's resend.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _psychologist = null!;
    private int _patientId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        _patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SameKeySameBody_ReplaysFirstResponse()
    {
        var first = await PostNoteAsync("key-replay", ProgressNoteBody.Basic(_patientId));
        var firstBody = await first.Content.ReadAsStringAsync();

        // The same fields in another order and spacing are the same request.
        var reordered = new JsonObject();
        foreach (var (name, value) in ProgressNoteBody.Basic(_patientId).Reverse())
        {
            reordered[name] = value?.DeepClone();
        }

        var second = await PostNoteAsync("key-replay", reordered);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(1, await _host.CountRowsAsync("ProgressShares"));
    }

    [Fact]
    public async Task SameKeyOtherBody_Returns422()
    {
        var changed = ProgressNoteBody.Basic(_patientId);
        changed["session_number"] = 2;

        var first = await PostNoteAsync("key-mismatch", ProgressNoteBody.Basic(_patientId));
        var second = await PostNoteAsync("key-mismatch", changed);
        var problem = await PortalTestHost.ReadJsonAsync(second);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Idempotency-Key reused", problem.GetProperty("title").GetString());
        Assert.Equal(1, await _host.CountRowsAsync("ProgressNotes"));
    }

    [Fact]
    public async Task WithoutKey_EveryRequestCreates()
    {
        var first = await _psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(_patientId));
        var second = await _psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(_patientId));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(0, await _host.CountRowsAsync("IdempotencyKeys"));
    }

    [Fact]
    public async Task KeysArePerUser()
    {
        await _host.AddStaffAsync("second.psychologist@clinicportal.test", ClinicRoles.Psychologist, "Dr Lee Second");
        var otherPatientId = await _host.AddPatientAsync("ivy.second@clinicportal.test", "Ivy", "Second", "second.psychologist@clinicportal.test");
        var secondPsychologist = await _host.SignInAsync("second.psychologist@clinicportal.test");

        var mine = await PostNoteAsync("shared-key", ProgressNoteBody.Basic(_patientId));
        var theirs = await SendNoteAsync(secondPsychologist, "shared-key", ProgressNoteBody.Basic(otherPatientId));

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await _host.CountRowsAsync("ProgressNotes"));
    }

    [Fact]
    public async Task FailedRequest_FreesKey()
    {
        var invalid = ProgressNoteBody.Basic(_patientId);
        invalid["progress_rating"] = 11;

        var rejected = await PostNoteAsync("key-after-400", invalid);
        var corrected = await PostNoteAsync("key-after-400", ProgressNoteBody.Basic(_patientId));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await _host.CountRowsAsync("ProgressNotes"));
    }

    public static TheoryData<string> InvalidKeys => [new string('k', 256), "has space"];

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task InvalidKey_Returns400(string key)
    {

        var response = await PostNoteAsync(key, ProgressNoteBody.Basic(_patientId));
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "Send one Idempotency-Key header of 1 to 255 visible ASCII characters, for example a UUID.",
            problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString());
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
    }

    [Fact]
    public async Task ConcurrentDuplicates_CreateOneNote()
    {
        var requests = Enumerable.Range(0, 8).Select(_ => PostNoteAsync("key-concurrent", ProgressNoteBody.Basic(_patientId)));

        var responses = await Task.WhenAll(requests);
        var statuses = responses.Select(response => response.StatusCode).ToList();

        Assert.Equal(1, await _host.CountRowsAsync("ProgressNotes"));
        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, responses.Count(response => response.StatusCode == HttpStatusCode.Created && !response.Headers.Contains("Idempotent-Replayed")));
        Assert.All(responses.Where(response => response.StatusCode == HttpStatusCode.Conflict), response => Assert.Equal("1", response.Headers.RetryAfter?.ToString()));
    }

    [Fact]
    public async Task Resend_ReplaysWithoutSecondResend()
    {
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
        var noteId = (await PortalTestHost.CreateNoteAsync(_psychologist, ProgressNoteBody.Basic(_patientId))).GetProperty("id").GetInt32();
        await _host.ExecuteSqlAsync($"UPDATE ProgressShares SET Status = 'Failed' WHERE NoteId = {noteId}");
        var shareId = (await _host.LoadShareAsync(noteId)).Id;

        var first = await ResendAsync(admin, shareId, "resend-key");
        var second = await ResendAsync(admin, shareId, "resend-key");
        var withoutKey = await ResendAsync(admin, shareId, key: null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutKey.StatusCode);
        Assert.Equal("Pending", (await _host.LoadShareAsync(noteId)).Status.ToString());
    }

    private Task<HttpResponseMessage> PostNoteAsync(string key, JsonObject body) => SendNoteAsync(_psychologist, key, body);

    private static async Task<HttpResponseMessage> SendNoteAsync(HttpClient client, string key, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/progress-notes/") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ResendAsync(HttpClient admin, int shareId, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/share-log/{shareId}/resend/");
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await admin.SendAsync(request);
    }
}
