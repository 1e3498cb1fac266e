using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>A database error while a note is inserted: nothing is saved or sent, and the caller gets a 500 stating that nothing was saved.</summary>
public sealed class ProgressNoteSaveFailureTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FailedInsert_Returns500AndSavesNothing()
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);
        await _host.ExecuteSqlAsync("""
            CREATE TRIGGER ProgressNotes_FailInsert BEFORE INSERT ON ProgressNotes
            BEGIN
                SELECT RAISE(ABORT, 'insert failed on purpose');
            END;
            """);

        var response = await psychologist.PostAsJsonAsync("/api/auth/progress-notes/", ProgressNoteBody.Basic(patientId));
        var problem = await PortalTestHost.ReadJsonAsync(response);
        var handled = await _host.App.Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Saving failed", problem.GetProperty("title").GetString());
        Assert.Equal(
            "Saving failed and nothing was saved. Try again; if it keeps failing, contact the clinic's administrator.",
            problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("insert failed on purpose", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, handled);
        Assert.Equal(0, await _host.CountRowsAsync("ProgressNotes"));
        Assert.Equal(0, await _host.CountRowsAsync("ProgressShares"));
        Assert.Empty(_host.Twilio.Requests);
    }
}
