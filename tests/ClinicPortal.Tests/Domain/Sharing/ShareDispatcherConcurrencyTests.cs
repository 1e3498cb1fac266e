using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// Two dispatchers on one database file, each with its own context factory, as two app
/// instances would run them. Every share is claimed by one of them and sent once. That holds
/// also when a claim expires while its dispatcher waits for the rate limiter.
/// </summary>
public sealed class ShareDispatcherConcurrencyTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(15);

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
    public async Task TwoDispatchers_SendEachShareOnce()
    {
        // Both dispatchers load the same forty ids and race to claim each. Every commit costs a
        // few fsyncs, so the process tests send the full 200 and this one fewer.
        const int shareCount = 40;
        for (var number = 1; number <= shareCount; number++)
        {
            await CreateNoteAsync($"Share marker {number:D3}.");
        }

        var sender = new RecordingSmsSender();
        var clock = new FakeTimeProvider(ClinicDatabase.Now);
        var fastSettings = new ProgressSharingOptions { MaxConcurrentSends = 4, MaxSendsPerSecond = 1000 };
        using var first = CreateDispatcher(sender, clock, fastSettings);
        using var second = CreateDispatcher(sender, clock, fastSettings);

        var handled = await Task.WhenAll(
            Task.Run(() => first.DispatchPendingAsync(CancellationToken.None)),
            Task.Run(() => second.DispatchPendingAsync(CancellationToken.None)));
        var shares = await LoadSharesAsync();

        Assert.Equal(shareCount, handled.Sum());
        Assert.Equal(shareCount, sender.Messages.Count);
        Assert.Equal(shareCount, sender.Messages.Select(message => message.Body).Distinct().Count());
        Assert.All(shares, share => Assert.Equal(ShareStatus.Queued, share.Status));
        Assert.All(shares, share => Assert.Equal(1, share.AttemptCount));
    }

    [Fact]
    public async Task LeaseExpiresWaitingForPermit_SentOnce()
    {
        await CreateNoteAsync("Share marker 001.");
        await CreateNoteAsync("Share marker 002.");
        var clock = new FakeTimeProvider(ClinicDatabase.Now);
        var slowSender = new RecordingSmsSender();
        var fastSender = new RecordingSmsSender();

        using var slow = CreateDispatcher(slowSender, clock, SlowSettings());
        var slowRun = slow.DispatchPendingAsync(CancellationToken.None);
        var waitingShareId = await WaitUntilOneSentOneWaitingAsync(slow, slowSender);
        clock.Advance(TimeSpan.FromMinutes(1));

        using var fast = CreateDispatcher(fastSender, clock, new ProgressSharingOptions { MaxSendsPerSecond = 1000 });
        var fastHandled = await fast.DispatchPendingAsync(CancellationToken.None);
        var slowHandled = await slowRun;
        var waitingShare = (await LoadSharesAsync()).Single(share => share.Id == waitingShareId);

        Assert.Equal(1, fastHandled);
        Assert.Single(fastSender.Messages);
        Assert.Equal(1, slowHandled);
        Assert.Single(slowSender.Messages);
        Assert.Equal(ShareStatus.Queued, waitingShare.Status);
        Assert.Equal(1, waitingShare.AttemptCount);
        Assert.Null(waitingShare.LeaseOwner);
    }

    [Fact]
    public async Task LeaseExpiresWaitingForPermit_SkipStands()
    {
        await CreateNoteAsync("Share marker 001.");
        await CreateNoteAsync("Share marker 002.");
        var clock = new FakeTimeProvider(ClinicDatabase.Now);
        var slowSender = new RecordingSmsSender();
        var fastSender = new RecordingSmsSender();

        using var slow = CreateDispatcher(slowSender, clock, SlowSettings());
        var slowRun = slow.DispatchPendingAsync(CancellationToken.None);
        var waitingShareId = await WaitUntilOneSentOneWaitingAsync(slow, slowSender);
        await _database.CreateConsentService().WithdrawOwnAsync(_patientUserId);
        clock.Advance(TimeSpan.FromMinutes(1));

        using var fast = CreateDispatcher(fastSender, clock, new ProgressSharingOptions { MaxSendsPerSecond = 1000 });
        var fastHandled = await fast.DispatchPendingAsync(CancellationToken.None);
        var slowHandled = await slowRun;
        var waitingShare = (await LoadSharesAsync()).Single(share => share.Id == waitingShareId);

        Assert.Equal(1, fastHandled);
        Assert.Empty(fastSender.Messages);
        Assert.Equal(1, slowHandled);
        Assert.Single(slowSender.Messages);
        Assert.Equal(ShareStatus.Skipped, waitingShare.Status);
        Assert.Equal(ShareReason.ConsentWithdrawn, waitingShare.Reason);
        Assert.Equal(0, waitingShare.AttemptCount);
    }

    /// <summary>
    /// Settings under which a claimed share waits longer for its permit than its lease lasts: two
    /// sends in flight, one permit every two seconds and a one-second lease.
    /// </summary>
    private static ProgressSharingOptions SlowSettings() => new()
    {
        MaxConcurrentSends = 2,
        MaxSendsPerSecond = 0.5,
        LeaseDuration = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// Waits until the slow dispatcher has sent one share with its first permit and holds a lease
    /// on the other while it waits for the next permit, and returns the id of the waiting share.
    /// </summary>
    private async Task<int> WaitUntilOneSentOneWaitingAsync(ShareDispatcher slow, RecordingSmsSender slowSender)
    {
        var shares = await Eventually.WaitUntilAsync(
            LoadSharesAsync,
            shares => shares.Count(share => share.Status == ShareStatus.Queued) == 1
                && shares.Count(share => share.Status == ShareStatus.Pending && share.LeaseOwner == slow.InstanceId) == 1,
            WaitTimeout,
            "the slow dispatcher has sent one share and holds the lease on the other");

        Assert.Single(slowSender.Messages);
        return shares.Single(share => share.Status == ShareStatus.Pending).Id;
    }

    private ShareDispatcher CreateDispatcher(ISmsSender sender, TimeProvider time, ProgressSharingOptions settings) => new(
        _database.CreateContextFactory(),
        sender,
        new ClinicClock(time, Options.Create(new ClinicOptions())),
        new ShareStatusNotifications(),
        Options.Create(settings),
        NullLogger<ShareDispatcher>.Instance);

    private Task<CreatedProgressNote> CreateNoteAsync(string subjective)
    {
        var basic = SummaryCase.Load("basic");
        var content = new ProgressNoteContent(basic.SessionDateUtc, 1, subjective, basic.Objective, basic.Assessment, basic.Plan, basic.ProgressRating);
        return _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
    }

    private async Task<List<ProgressShare>> LoadSharesAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ProgressShares.AsNoTracking().OrderBy(share => share.Id).ToListAsync();
    }
}
