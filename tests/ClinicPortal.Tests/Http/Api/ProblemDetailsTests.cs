using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>Every API error is a ProblemDetails body with type, title, status and trace_id; unknown fields and large bodies are rejected.</summary>
public sealed partial class ProblemDetailsTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private HttpClient _patient = null!;
    private HttpClient _psychologist = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        _patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        _psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnknownField_Returns400NamingIt()
    {
        var response = await _patient.PatchAsJsonAsync("/api/auth/preferences/", new JsonObject { ["share_progress"] = true });
        var problem = await PortalTestHost.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["share_progress"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal(
            "share_progress is not a field of this request. Remove it; the accepted fields are share_progress_with_emergency_contact.",
            errors.GetProperty("share_progress")[0].GetString());
        Assert.Equal("The request could not be read.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnknownField_ChangesNothing()
    {
        await PortalTestHost.SetSharingAsync(_patient, share: false);

        var response = await _patient.PatchAsJsonAsync("/api/auth/preferences/", new JsonObject
        {
            ["share_progress_with_emergency_contact"] = true,
            ["extra"] = 1,
        });
        var preferences = await PortalTestHost.ReadJsonAsync(await _patient.GetAsync("/api/auth/preferences/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(preferences.GetProperty("share_progress_with_emergency_contact").GetBoolean());
    }

    [Fact]
    public async Task WrongType_StillNamesTypeError()
    {
        var response = await _patient.PatchAsJsonAsync("/api/auth/preferences/", new JsonObject { ["share_progress_with_emergency_contact"] = "yes" });
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "The value of share_progress_with_emergency_contact has the wrong type or format. Check the API documentation for the expected type.",
            errors.GetProperty("share_progress_with_emergency_contact")[0].GetString());
    }

    [Fact]
    public async Task BodyOver256KB_Returns413()
    {
        var response = await _psychologist.PostAsync("/api/auth/progress-notes/", JsonBody(256 * 1024 + 1));
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.14", problem.GetProperty("type").GetString());
        Assert.Equal("Content Too Large", problem.GetProperty("title").GetString());
        Assert.Equal(
            "The request body is larger than the limit of 256 KB. Send a smaller body; a progress note is well under the limit.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
    }

    [Fact]
    public async Task ChunkedBodyOver256KB_Returns413()
    {
        var content = new UnknownLengthContent(Padding(256 * 1024 + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _psychologist.PostAsync("/api/auth/progress-notes/", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BodyAt256KB_IsRead()
    {
        var response = await _psychologist.PostAsync("/api/auth/progress-notes/", JsonBody(256 * 1024));

        // The body is read, so the error is about its content: an unknown field, not its size.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<string, string, int> ErrorRequests => new()
    {
        { "anonymous", "/api/auth/profile/", 401 },
        { "patient", "/api/admin/share-log/", 403 },
        { "patient", "/api/no-such-route/", 404 },
        { "psychologist", "/api/auth/progress-notes/999999/", 404 },
        { "patient", "/api/auth/shares/?page_size=101", 400 },
    };

    [Theory]
    [MemberData(nameof(ErrorRequests))]
    public async Task Error_HasTypeTitleStatusTraceId(string sender, string path, int status)
    {
        var client = sender switch
        {
            "patient" => _patient,
            "psychologist" => _psychologist,
            _ => _host.CreateAnonymousClient(),
        };

        var response = await client.GetAsync(path);
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("https://tools.ietf.org/html/rfc9110#section-15.5.", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Matches(TraceParent(), problem.GetProperty("trace_id").GetString());
        Assert.False(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task FailedSignIn_IsProblemDetails()
    {
        var response = await _host.CreateAnonymousClient().PostAsJsonAsync("/api/auth/login", new JsonObject
        {
            ["email"] = DemoAccounts.PatientEmail,
            ["password"] = "Wrong-Password-1",
        });
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("type").ValueKind);
        Assert.Equal("The email or password is wrong. Check both and try again.", problem.GetProperty("detail").GetString());
        Assert.Matches(TraceParent(), problem.GetProperty("trace_id").GetString());
    }

    /// <summary>Returns a JSON object of exactly <paramref name="size"/> bytes with one unknown string field.</summary>
    private static StringContent JsonBody(int size)
    {
        var content = new StringContent(Padding(size), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Padding(int size) => "{\"padding\":\"" + new string('a', size - 14) + "\"}";

    /// <summary>A body whose length is not known in advance, so HttpClient sends it chunked without Content-Length.</summary>
    private sealed class UnknownLengthContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]$")]
    private static partial Regex TraceParent();
}
