using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicPortal.Tests.Domain.ProgressNotes;

public sealed class ProgressNoteServiceTests : IAsyncLifetime
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

    [Fact]
    public async Task CreateAsync_FailedSave_SavesAndSendsNothing()
    {
        var failingContexts = _database.CreateContextFactory(new FailingSaveInterceptor());
        var service = _database.CreateNoteService(failingContexts);
        var sender = new RecordingSmsSender();

        await Assert.ThrowsAsync<DbUpdateException>(() => service.CreateAsync(_psychologistId, _patientId, Content("basic")));
        var handled = await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ProgressNotes.CountAsync());
        Assert.Equal(0, await db.ProgressShares.CountAsync());
        Assert.Equal(0, handled);
        Assert.Empty(sender.Messages);
    }

    [Fact]
    public async Task CreateAsync_StoresPlainTextAndSegmentCount()
    {
        var smartPunctuation = SummaryCase.Load("smart-punctuation");
        var created = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content("smart-punctuation"));

        var share = await LoadShareAsync(created.ShareId);
        var expectedMessage = smartPunctuation.ExpectedSms.Replace("Siobh\u00e1n O'Neill", "Mia Thompson", StringComparison.Ordinal);

        Assert.Equal(expectedMessage, share.Message);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Measure(expectedMessage).Encoding);
        Assert.Equal(3, share.Segments);
        Assert.Equal("1.0", share.ConsentVersion);
    }

    [Fact]
    public async Task CreateAsync_WithoutConsent_IsSkippedWithoutText()
    {
        await _database.CreateConsentService().WithdrawOwnAsync(_patientUserId);

        var created = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, Content("basic"));
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(ShareStatus.Skipped, created.ShareStatus);
        Assert.Equal(ShareReason.NoConsent, created.ShareReason);
        Assert.Null(share.Message);
        Assert.Null(share.Segments);
    }

    [Fact]
    public async Task UpdateAsync_SignedNote_IsLockedAndShareKept()
    {
        var service = _database.CreateNoteService();
        var created = await service.CreateAsync(_psychologistId, _patientId, Content("basic"));

        await Assert.ThrowsAsync<NoteLockedException>(
            () => _database.CreateDraftService().UpdateAsync(_psychologistId, created.NoteId, _ => Content("empty-plan")));
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(SummaryCase.Load("basic").ExpectedSms, share.Message);
        Assert.Equal(ShareStatus.Pending, share.Status);
    }

    [Fact]
    public async Task CreateAsync_UnassignedPsychologist_IsDenied()
    {
        var otherPsychologistId = await _database.AddUserAsync("sam.lee@clinicportal.test", ClinicRoles.Psychologist);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(
            () => _database.CreateNoteService().CreateAsync(otherPsychologistId, _patientId, Content("basic")));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal($"Patient {_patientId} is not assigned to you.", denied.Message);
        Assert.Equal(0, await db.ProgressNotes.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_OutOfRangeNumbers_IsInvalid()
    {
        var content = Content("basic") with { SessionNumber = 0, ProgressRating = 11 };

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content));

        Assert.Equal(["ProgressRating", "SessionNumber"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task PreviewShareAsync_MatchesTextSavedWithNote()
    {
        _database.ClinicOptions.Name = "Harbour Psychology";
        _database.ClinicOptions.Phone = "02 5550 1234";
        var service = _database.CreateNoteService();

        var preview = await service.PreviewShareAsync(_psychologistId, _patientId, Content("smart-punctuation"));
        var created = await service.CreateAsync(_psychologistId, _patientId, Content("smart-punctuation"));
        var share = await LoadShareAsync(created.ShareId);

        Assert.NotNull(preview.Text);
        Assert.Equal(share.Message, preview.Text);
        Assert.EndsWith("This is an automated update from Harbour Psychology. If you have concerns, please contact the clinic directly on 02 5550 1234.", preview.Text, StringComparison.Ordinal);
        Assert.Equal(SmsSegments.Measure(preview.Text), preview.Measurement);
        Assert.Equal(share.Segments, preview.Measurement!.Segments);
        Assert.Equal("*********156", preview.MaskedRecipient);
        Assert.Null(preview.SkipReason);
    }

    [Fact]
    public async Task PreviewShareAsync_WithoutConsent_ReturnsOnlySkipReason()
    {
        await _database.CreateConsentService().WithdrawOwnAsync(_patientUserId);

        var preview = await _database.CreateNoteService().PreviewShareAsync(_psychologistId, _patientId, Content("basic"));

        Assert.Equal(ShareReason.NoConsent, preview.SkipReason);
        Assert.Null(preview.Text);
        Assert.Null(preview.Measurement);
        Assert.Null(preview.MaskedRecipient);
    }

    [Fact]
    public async Task PreviewShareAsync_SavesNothing()
    {
        await _database.CreateNoteService().PreviewShareAsync(_psychologistId, _patientId, Content("basic"));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ProgressNotes.CountAsync());
        Assert.Equal(0, await db.ProgressShares.CountAsync());
    }

    [Fact]
    public async Task PreviewShareAsync_UnassignedPsychologist_IsDenied()
    {
        var otherPsychologistId = await _database.AddUserAsync("sam.lee@clinicportal.test", ClinicRoles.Psychologist);

        await Assert.ThrowsAsync<AccessDeniedException>(
            () => _database.CreateNoteService().PreviewShareAsync(otherPsychologistId, _patientId, Content("basic")));
    }

    private static ProgressNoteContent Content(string summaryCaseName)
    {
        var summaryCase = SummaryCase.Load(summaryCaseName);
        return new ProgressNoteContent(
            summaryCase.SessionDateUtc, 1, summaryCase.Subjective, summaryCase.Objective, summaryCase.Assessment, summaryCase.Plan, summaryCase.ProgressRating);
    }

    private async Task<ProgressShare> LoadShareAsync(int shareId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking().SingleAsync(s => s.Id == shareId);
    }

    /// <summary>Fails every save as the database would, before anything is written.</summary>
    private sealed class FailingSaveInterceptor : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new DbUpdateException("Saving failed on purpose in a test.");
    }
}
