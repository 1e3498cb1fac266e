using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http;

/// <summary>Invalid and forbidden note requests: each is rejected and nothing is saved or sent.</summary>
public sealed class ProgressNoteValidationTests : IAsyncLifetime
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
        await PortalTestHost.SetSharingAsync(_patient, share: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OutOfRangeNumbers_Return400WithFieldErrors()
    {
        var body = ProgressNoteBody.Basic(_patientId);
        body["session_number"] = 0;
        body["progress_rating"] = 11;

        var response = await _psychologist.PostAsJsonAsync("/api/auth/progress-notes/", body);
        var problem = await PortalTestHost.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["session_number", "progress_rating"], errors.EnumerateObject().Select(e => e.Name).Order().Reverse());
        Assert.Equal("Enter a session number of 1 or more.", errors.GetProperty("session_number")[0].GetString());
        Assert.Equal("Enter a progress rating from 1 to 10, or leave it empty.", errors.GetProperty("progress_rating")[0].GetString());
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(0, await _host.CountRowsAsync("ProgressShares"));
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task PatientPostingNote_Returns403()
    {
        var response = await _patient.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(_patientId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(0, await _host.CountRowsAsync("ProgressShares"));
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task UnassignedPatient_Returns403()
    {
        var unassignedPatientId = await RegisterPatientAsync("noah.unassigned@clinicportal.test");

        var response = await _psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(unassignedPatientId));
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Patient {unassignedPatientId} is not assigned to you.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(0, await _host.CountRowsAsync("ProgressShares"));
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task AnonymousRequest_Returns401()
    {
        var anonymous = _host.CreateAnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(_patientId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
    }

    /// <summary>Registers a patient through POST /api/auth/register and returns their patient id.</summary>
    private async Task<int> RegisterPatientAsync(string email)
    {
        var anonymous = _host.CreateAnonymousClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new JsonObject { ["email"] = email, ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var patient = await _host.SignInAsync(email);
        return await PortalTestHost.GetOwnPatientIdAsync(patient);
    }
}
