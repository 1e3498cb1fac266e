using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// The dispatcher with an SMS port double, for failures the fake Twilio server cannot produce
/// over HTTP: whatever the adapter throws, the note stays saved and the share records the
/// failure. An exception nobody classified may mean the message left, so the share ends unknown.
/// </summary>
public sealed class ShareDispatcherTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _psychologistId = "";
    private int _patientId;
    private string _patientUserId = "";

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        (_patientId, _patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<Exception, string> AdapterFailures() => new()
    {
        { new HttpRequestException("Connection reset by peer"), "HttpRequestException" },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."), "TaskCanceledException" },
        { new NullReferenceException("Object reference not set to an instance of an object."), "NullReferenceException" },
    };

    [Theory]
    [MemberData(nameof(AdapterFailures))]
    public async Task AdapterThrows_ShareUnknownWithErrorType(Exception failure, string expectedErrorCode)
    {
        var sender = new RecordingSmsSender { Failure = failure };
        var created = await CreateNoteAsync();

        var handled = await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(ShareStatus.Pending, created.ShareStatus);
        Assert.Equal(1, handled);
        Assert.Single(sender.Messages);
        Assert.Equal(ShareStatus.Unknown, share.Status);
        Assert.Equal(expectedErrorCode, share.ErrorCode);
        Assert.Equal("Unexpected error while sending: " + failure.Message, share.ErrorMessage);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, share.RecipientPhone);
        Assert.Null(share.ProviderMessageId);
        Assert.True(await NoteExistsAsync(created.NoteId));
    }

    [Fact]
    public async Task ProviderRejects_ShareFailedWithProviderCode()
    {
        var sender = new RecordingSmsSender { Failure = new SmsSendException("20003", SmsFailureKind.Permanent, "Twilio rejected the message (HTTP 401, code 20003): Authenticate") };
        var created = await CreateNoteAsync();

        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(ShareStatus.Failed, share.Status);
        Assert.Equal("20003", share.ErrorCode);
        Assert.Equal(
            "Twilio rejected the clinic's credentials: check Twilio:AccountSid and Twilio:AuthToken. Twilio rejected the message (HTTP 401, code 20003): Authenticate",
            share.ErrorMessage);
        Assert.True(await NoteExistsAsync(created.NoteId));
    }

    [Fact]
    public async Task FailedShare_IsNotRetried()
    {
        var sender = new RecordingSmsSender { Failure = new HttpRequestException("Connection reset by peer") };
        await CreateNoteAsync();
        var dispatcher = _database.CreateDispatcher(sender);

        var firstRun = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var secondRun = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Single(sender.Messages);
    }

    [Fact]
    public async Task ConsentWithdrawnBeforeSending_SkipsShare()
    {
        var sender = new RecordingSmsSender();
        var created = await CreateNoteAsync();
        await _database.CreateConsentService().WithdrawOwnAsync(_patientUserId);

        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(ShareStatus.Skipped, share.Status);
        Assert.Equal(ShareReason.ConsentWithdrawn, share.Reason);
        Assert.Null(share.RecipientPhone);
        Assert.Empty(sender.Messages);
    }

    [Fact]
    public async Task Accepted_StoresProviderIdAndStatus()
    {
        var sender = new RecordingSmsSender();
        var created = await CreateNoteAsync();

        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        var message = Assert.Single(sender.Messages);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, message.To);
        Assert.Equal(share.Message, message.Body);
        Assert.Equal(ShareStatus.Queued, share.Status);
        Assert.Equal("SM-test-1", share.ProviderMessageId);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, share.SentAtUtc);
    }

    private Task<CreatedProgressNote> CreateNoteAsync()
    {
        var basic = SummaryCase.Load("basic");
        var content = new ProgressNoteContent(basic.SessionDateUtc, 1, basic.Subjective, basic.Objective, basic.Assessment, basic.Plan, basic.ProgressRating);
        return _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
    }

    private async Task<ProgressShare> LoadShareAsync(int shareId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking().SingleAsync(s => s.Id == shareId);
    }

    private async Task<bool> NoteExistsAsync(int noteId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressNotes.AnyAsync(n => n.Id == noteId);
    }
}
