using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http;

/// <summary>
/// Shares saved while no dispatcher runs (ProgressSharing:DispatcherEnabled=false) and sent later,
/// by the dispatcher of the same app or of an app started afterwards on the same database.
/// </summary>
public sealed class PendingShareTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConsentWithdrawnWhilePending_SkipsShare()
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);
        var created = await PortalTestHost.CreateNoteAsync(psychologist, ProgressNoteBody.Basic(patientId));
        var noteId = created.GetProperty("id").GetInt32();

        await PortalTestHost.SetSharingAsync(patient, share: false);
        var handled = await _host.App.Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var share = await PortalTestHost.GetShareAsync(admin, noteId);

        Assert.Equal("pending", created.GetProperty("share_status").GetString());
        Assert.Equal(1, handled);
        Assert.Equal("skipped", share.GetProperty("status").GetString());
        Assert.Equal("consent_withdrawn", share.GetProperty("reason").GetString());
        Assert.Equal("", share.GetProperty("recipient").GetString());
        Assert.Empty(_host.Twilio.Requests);
    }

    [Fact]
    public async Task PendingBeforeRestart_IsSentExactlyOnce()
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        var psychologist = await _host.SignInAsync(DemoAccounts.PsychologistEmail);
        var patientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);
        var created = await PortalTestHost.CreateNoteAsync(psychologist, ProgressNoteBody.Basic(patientId));
        var noteId = created.GetProperty("id").GetInt32();
        var requestsBeforeRestart = _host.Twilio.Requests.Count;

        // The dispatcher sends what was left pending as soon as the app starts.
        await _host.RestartAsync(dispatcherEnabled: true);
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);
        var share = await PortalTestHost.WaitUntilSharedAsync(admin, noteId);

        await _host.RestartAsync(dispatcherEnabled: true);
        var handledAfterSecondRestart = await _host.App.Services.GetRequiredService<ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal("pending", created.GetProperty("share_status").GetString());
        Assert.Equal(0, requestsBeforeRestart);
        Assert.Equal("queued", share.GetProperty("status").GetString());
        Assert.Equal(0, handledAfterSecondRestart);
        var request = Assert.Single(_host.Twilio.Requests);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, request.To);
        Assert.Equal(SummaryCase.Load("basic").ExpectedSms, request.Body);
        Assert.Equal(request.ResponseMessageSid, share.GetProperty("provider_message_id").GetString());
    }
}
