using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// An admin's resend of a failed share and the share's detail view: the resend goes to the
/// contact's current number and names the admin, and is rejected once consent is no longer current.
/// </summary>
public sealed class ShareResendTests : IAsyncLifetime
{
    private const string NewContactPhone = "+61491570110";

    private ClinicDatabase _database = null!;
    private string _adminId = "";
    private string _psychologistId = "";
    private string _patientUserId = "";
    private int _patientId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        (_patientId, _patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Resend_GoesToCurrentNumber_RecordsAdmin()
    {
        var shareId = await CreateFailedShareAsync();
        await _database.CreateProfileService().UpdateOwnAsync(_patientUserId, new UpdatePatientProfile(EmergencyContactPhone: "0491 570 110"));

        await _database.CreateResendService().ResendAsync(_adminId, shareId);
        var queued = await LoadShareAsync(shareId);
        var sender = new RecordingSmsSender();
        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var details = await _database.CreateShareDetailsService().GetAsync(_adminId, shareId);

        Assert.Equal(ShareStatus.Pending, queued.Status);
        Assert.Equal(_adminId, queued.ResendRequestedByUserId);
        Assert.Equal(NewContactPhone, Assert.Single(sender.Messages).To);
        Assert.Equal(ShareStatus.Queued, details.Status);
        Assert.Equal("*********110", details.Recipient);
        Assert.Equal("1.0", details.ConsentVersion);
        Assert.Equal("ava.patel@clinicportal.test", details.PsychologistName);
        Assert.Equal(2, details.Attempts.Count);
        Assert.Equal((1, ShareAttemptOutcome.Failed, "21211", "*********156", (string?)null),
            (details.Attempts[0].Number, details.Attempts[0].Outcome, details.Attempts[0].ErrorCode, details.Attempts[0].Recipient, details.Attempts[0].RequestedBy));
        Assert.Equal((2, ShareAttemptOutcome.Accepted, (string?)null, "*********110", "admin@clinicportal.test"),
            (details.Attempts[1].Number, details.Attempts[1].Outcome, details.Attempts[1].ErrorCode, details.Attempts[1].Recipient, details.Attempts[1].RequestedBy));
        Assert.Equal(0, details.Attempts[1].DurationMs);
    }

    [Fact]
    public async Task Resend_ConsentOutOfDate_Rejected()
    {
        var shareId = await CreateFailedShareAsync();
        _database.SharingOptions.ConsentVersion = "1.1";

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() => _database.CreateResendService().ResendAsync(_adminId, shareId));

        Assert.Equal(
            "This share cannot be resent: " + ShareReasonText.Describe(ShareReason.ConsentOutOfDate),
            exception.Errors["Status"].Single());
        Assert.Equal(ShareStatus.Failed, (await LoadShareAsync(shareId)).Status);
    }

    [Fact]
    public async Task Resend_ConsentWithdrawn_Rejected()
    {
        var shareId = await CreateFailedShareAsync();
        await _database.CreateConsentService().WithdrawOwnAsync(_patientUserId);

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() => _database.CreateResendService().ResendAsync(_adminId, shareId));

        Assert.Equal("This share cannot be resent: " + ShareReasonText.Describe(ShareReason.NoConsent), exception.Errors["Status"].Single());
        Assert.Null((await LoadShareAsync(shareId)).ResendRequestedByUserId);
    }

    [Fact]
    public async Task Resend_QueuedShare_Rejected()
    {
        var created = await CreateNoteAsync();
        await _database.CreateDispatcher(new RecordingSmsSender()).DispatchPendingAsync(CancellationToken.None);

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() => _database.CreateResendService().ResendAsync(_adminId, created.ShareId));

        Assert.Equal("Only a failed share or one with an unknown outcome can be resent; this one is Queued.", exception.Errors["Status"].Single());
    }

    [Fact]
    public async Task Resend_Psychologist_Rejected()
    {
        var shareId = await CreateFailedShareAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _database.CreateResendService().ResendAsync(_psychologistId, shareId));
    }

    [Fact]
    public async Task RevealRecipient_ReturnsNumber_RecordsAccess()
    {
        var shareId = await CreateFailedShareAsync();

        var number = await _database.CreateShareDetailsService().RevealRecipientAsync(_adminId, shareId);

        Assert.Equal(DemoAccounts.EmergencyContactPhone, number);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var entry = await db.AccessLog.SingleAsync();
        Assert.Equal((_adminId, AccessLogAction.RevealRecipient, $"share {shareId}"), (entry.UserId, entry.Action, entry.Subject));
    }

    [Fact]
    public async Task Details_UnknownShare_NotFound()
    {
        var exception = await Assert.ThrowsAsync<NotFoundException>(() => _database.CreateShareDetailsService().GetAsync(_adminId, 404));

        Assert.Equal("Share 404 was not found.", exception.Message);
    }

    private async Task<int> CreateFailedShareAsync()
    {
        var created = await CreateNoteAsync();
        var sender = new RecordingSmsSender { Failure = new SmsSendException("21211", SmsFailureKind.Permanent, "Twilio rejected the number (HTTP 400, code 21211)") };
        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(ShareStatus.Failed, (await LoadShareAsync(created.ShareId)).Status);
        return created.ShareId;
    }

    private Task<CreatedProgressNote> CreateNoteAsync()
    {
        var content = new ProgressNoteContent(ClinicDatabase.Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "Keep a diary.", 7);
        return _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
    }

    private async Task<ProgressShare> LoadShareAsync(int shareId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking().SingleAsync(s => s.Id == shareId);
    }
}
