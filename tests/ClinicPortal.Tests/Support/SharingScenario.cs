using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// A running portal with the demo patient signed in and sharing on, the psychologist and the
/// admin signed in, and retries fast enough for tests: a 50 ms base delay and no rate limit
/// worth waiting for.
/// </summary>
internal sealed class SharingScenario : IAsyncDisposable
{
    /// <summary>Settings every scenario starts from; a test's own settings override them.</summary>
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["ProgressSharing:RetryBaseDelay"] = "00:00:00.050",
        ["ProgressSharing:MaxSendsPerSecond"] = "1000",
    };

    private SharingScenario(PortalTestHost host)
    {
        Host = host;
    }

    public PortalTestHost Host { get; }

    public FakeTwilioServer Twilio => Host.Twilio;

    public HttpClient Patient { get; private set; } = null!;

    public HttpClient Psychologist { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public int PatientId { get; private set; }

    public static async Task<SharingScenario> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, bool dispatcherEnabled = true, ILoggerProvider? logs = null)
    {
        var merged = new Dictionary<string, string?>(FastRetries);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var scenario = new SharingScenario(await PortalTestHost.StartAsync(dispatcherEnabled, merged, logs));
        scenario.Patient = await scenario.Host.SignInAsync(DemoAccounts.PatientEmail);
        scenario.Psychologist = await scenario.Host.SignInAsync(DemoAccounts.PsychologistEmail);
        scenario.Admin = await scenario.Host.SignInAsync(DemoAccounts.AdminEmail);
        scenario.PatientId = await PortalTestHost.GetOwnPatientIdAsync(scenario.Patient);
        await PortalTestHost.SetSharingAsync(scenario.Patient, share: true);
        return scenario;
    }

    /// <summary>Creates the "basic" note, or one with the given subjective, and returns its id.</summary>
    public async Task<int> CreateNoteAsync(string? subjective = null)
    {
        var body = ProgressNoteBody.Basic(PatientId);
        if (subjective is not null)
        {
            body["subjective"] = subjective;
        }

        var created = await PortalTestHost.CreateNoteAsync(Psychologist, body);
        return created.GetProperty("id").GetInt32();
    }

    /// <summary>Creates a note and returns the response body, with its share status at creation.</summary>
    public Task<JsonElement> CreateNoteWithBodyAsync() =>
        PortalTestHost.CreateNoteAsync(Psychologist, ProgressNoteBody.Basic(PatientId));

    public Task<JsonElement> GetShareAsync(int noteId) => PortalTestHost.GetShareAsync(Admin, noteId);

    public Task<JsonElement> WaitUntilSharedAsync(int noteId) => PortalTestHost.WaitUntilSharedAsync(Admin, noteId);

    public Task<ProgressShare> LoadShareAsync(int noteId) => Host.LoadShareAsync(noteId);

    /// <summary>Runs the app's dispatcher once, as the worker would, and returns how many shares it claimed.</summary>
    public Task<int> DispatchAsync() =>
        Host.App.Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>Changes the emergency contact's mobile number through PATCH /api/auth/profile/.</summary>
    public async Task ChangeContactNumberAsync(string typedNumber)
    {
        var response = await Patient.PatchAsJsonAsync("/api/auth/profile/", new JsonObject { ["emergency_contact_phone"] = typedNumber });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Posts a Twilio webhook form to <paramref name="path"/>, signed for <paramref name="signedUrl"/> with the test auth token.</summary>
    public Task<HttpResponseMessage> PostSignedWebhookAsync(string path, string signedUrl, Dictionary<string, string> form) =>
        PostWebhookAsync(path, form, TwilioSignature.Compute(FakeTwilioServer.TestAuthToken, signedUrl, form));

    /// <summary>Posts a Twilio webhook form with the given X-Twilio-Signature, or without the header when it is null.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string path, Dictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await Host.CreateAnonymousClient().SendAsync(request);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
