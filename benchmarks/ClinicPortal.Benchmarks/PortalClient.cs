using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicPortal.Benchmarks;

/// <summary>The API calls the benchmarks make, as the demo patient and the demo psychologist.</summary>
internal sealed class PortalClient(HttpClient http)
{
    public const string PatientEmail = "patient@clinicportal.test";
    public const string PsychologistEmail = "psychologist@clinicportal.test";

    /// <summary>Signs in through POST /api/auth/login and returns a client that sends the bearer token.</summary>
    public static async Task<PortalClient> SignInAsync(BenchmarkPortal portal, string email)
    {
        var http = portal.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = BenchmarkPortal.Password });
        var body = await ReadJsonAsync(response, HttpStatusCode.OK, "POST /api/auth/login");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return new PortalClient(http);
    }

    /// <summary>Returns the id of the signed-in patient's own record.</summary>
    public async Task<int> GetOwnPatientIdAsync()
    {
        var body = await ReadJsonAsync(await http.GetAsync("/api/auth/profile/"), HttpStatusCode.OK, "GET /api/auth/profile/");
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>Turns the signed-in patient's consent to sharing on or off.</summary>
    public async Task SetSharingAsync(bool share)
    {
        var response = await http.PatchAsJsonAsync("/api/auth/preferences/", new JsonObject { ["share_progress_with_emergency_contact"] = share });
        await ReadJsonAsync(response, HttpStatusCode.OK, "PATCH /api/auth/preferences/");
    }

    /// <summary>Creates a note through POST /api/auth/progress-notes/ and returns the share status it reports.</summary>
    public async Task<string> CreateNoteAsync(int patientId, int sessionNumber)
    {
        var note = new JsonObject
        {
            ["patient"] = patientId,
            ["session_date"] = "2025-01-19T10:00:00Z",
            ["session_number"] = sessionNumber,
            ["subjective"] = string.Create(CultureInfo.InvariantCulture, $"Session {sessionNumber}: Mia reports sleeping better and has returned to her morning walks."),
            ["objective"] = "Affect brighter than last session.",
            ["assessment"] = "Depressive symptoms easing.",
            ["plan"] = "Keep a sleep diary. Next session in two weeks.",
            ["progress_rating"] = 7,
        };

        var response = await http.PostAsJsonAsync("/api/auth/progress-notes/", note);
        var body = await ReadJsonAsync(response, HttpStatusCode.Created, "POST /api/auth/progress-notes/");
        return body.GetProperty("share_status").GetString() ?? "";
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, string request)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{request} returned HTTP {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
