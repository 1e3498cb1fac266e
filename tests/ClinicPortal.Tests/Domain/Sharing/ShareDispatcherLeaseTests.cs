using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// Leases: dispatchers on one database never send a share twice, and a share whose lease
/// expired is sent only if no attempt was left in flight.
/// </summary>
public sealed class ShareDispatcherLeaseTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _psychologistId = "";
    private int _patientId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        string patientUserId;
        (_patientId, patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(patientUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TwoDispatchers_SendEachShareOnce()
    {
        const int shareCount = 50;
        var sender = new RecordingSmsSender();
        var shareIds = new List<int>();
        for (var session = 1; session <= shareCount; session++)
        {
            shareIds.Add((await CreateNoteAsync(session)).ShareId);
        }

        using var first = _database.CreateDispatcher(sender);
        using var second = _database.CreateDispatcher(sender);
        var claimed = await Task.WhenAll(
            first.DispatchPendingAsync(CancellationToken.None),
            second.DispatchPendingAsync(CancellationToken.None));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var shares = await db.ProgressShares.AsNoTracking().Include(s => s.Attempts).Where(s => shareIds.Contains(s.Id)).ToListAsync();
        var sentBodies = sender.Messages.Select(m => m.Body).ToList();

        Assert.Equal(shareCount, claimed.Sum());
        Assert.Equal(shareCount, sentBodies.Count);
        Assert.Equal(shareCount, sentBodies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(shares, share => Assert.Equal(1, sentBodies.Count(body => body == share.Message)));
        Assert.All(shares, share => Assert.Equal(ShareStatus.Queued, share.Status));
        Assert.All(shares, share => Assert.Single(share.Attempts));
        Assert.All(shares, share => Assert.Null(share.LeaseOwner));
    }

    [Fact]
    public async Task ExpiredLeaseWithAttemptInFlight_EndsUnknown()
    {
        var sender = new RecordingSmsSender();
        var created = await CreateNoteAsync(1);
        await SimulateCrashAsync(created.ShareId, attemptInFlight: true);

        var handled = await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(1, handled);
        Assert.Empty(sender.Messages);
        Assert.Equal(ShareStatus.Unknown, share.Status);
        Assert.Equal("Interrupted", share.ErrorCode);
        Assert.Equal("The app stopped while this message was being sent, so Twilio may have sent it.", share.ErrorMessage);
        Assert.Equal(ShareAttemptOutcome.Unknown, Assert.Single(share.Attempts).Outcome);
        Assert.Null(share.LeaseOwner);
    }

    [Fact]
    public async Task ExpiredLeaseWithoutAttempt_SentOnce()
    {
        var sender = new RecordingSmsSender();
        var created = await CreateNoteAsync(1);
        await SimulateCrashAsync(created.ShareId, attemptInFlight: false);
        var dispatcher = _database.CreateDispatcher(sender);

        var firstRun = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var secondRun = await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(1, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Single(sender.Messages);
        Assert.Equal(ShareStatus.Queued, share.Status);
        Assert.Equal(ShareAttemptOutcome.Accepted, Assert.Single(share.Attempts).Outcome);
    }

    [Fact]
    public async Task LiveLeaseOfOtherDispatcher_NotClaimed()
    {
        var sender = new RecordingSmsSender();
        var created = await CreateNoteAsync(1);
        await SetLeaseAsync(created.ShareId, ClinicDatabase.Now.UtcDateTime.AddMinutes(1));

        var handled = await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await LoadShareAsync(created.ShareId);

        Assert.Equal(0, handled);
        Assert.Empty(sender.Messages);
        Assert.Equal(ShareStatus.Pending, share.Status);
    }

    private Task<CreatedProgressNote> CreateNoteAsync(int session)
    {
        var basic = SummaryCase.Load("basic");
        var content = new ProgressNoteContent(
            basic.SessionDateUtc, session, $"Session {session}: {basic.Subjective}", basic.Objective, basic.Assessment, basic.Plan, basic.ProgressRating);
        return _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
    }

    /// <summary>
    /// Leaves the share as a dispatcher that stopped mid-send would: claimed with a lease that has
    /// since expired, and, when <paramref name="attemptInFlight"/> is set, with an attempt saved
    /// as in flight and no outcome.
    /// </summary>
    private async Task SimulateCrashAsync(int shareId, bool attemptInFlight)
    {
        if (attemptInFlight)
        {
            await using var db = await _database.Contexts.CreateDbContextAsync();
            var share = await db.ProgressShares.Include(s => s.Attempts).SingleAsync(s => s.Id == shareId);
            share.StartAttempt(DemoAccounts.EmergencyContactPhone, ClinicDatabase.Now.UtcDateTime.AddMinutes(-3));
            await db.SaveChangesAsync();
        }

        await SetLeaseAsync(shareId, ClinicDatabase.Now.UtcDateTime.AddMinutes(-1));
    }

    private async Task SetLeaseAsync(int shareId, DateTime expiresAtUtc)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.ProgressShares.Where(s => s.Id == shareId).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.LeaseOwner, "crashed-host/1/0")
            .SetProperty(s => s.LeaseExpiresAtUtc, expiresAtUtc));
    }

    private async Task<ProgressShare> LoadShareAsync(int shareId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking().Include(s => s.Attempts).SingleAsync(s => s.Id == shareId);
    }
}
