using System.Threading.RateLimiting;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Sends pending shares through the SMS port, at most <see cref="ProgressSharingOptions.MaxConcurrentSends"/>
/// at once and <see cref="ProgressSharingOptions.MaxSendsPerSecond"/> per second. Each share is
/// claimed with a lease (a conditional update) before it is sent, so dispatchers in one or
/// several processes on the same database never send the same share twice. An attempt is saved
/// as in flight before the request leaves, so a share interrupted by a crash ends unknown
/// rather than being sent again.
/// </summary>
public sealed partial class ShareDispatcher : IDisposable
{
    private const int BatchSize = 100;

    private readonly IDbContextFactory<ClinicDbContext> _dbFactory;
    private readonly ISmsSender _sender;
    private readonly ClinicClock _clock;
    private readonly ShareStatusNotifications _notifications;
    private readonly ProgressSharingOptions _options;
    private readonly ILogger<ShareDispatcher> _logger;
    private readonly RateLimiter _rateLimiter;

    public ShareDispatcher(
        IDbContextFactory<ClinicDbContext> dbFactory,
        ISmsSender sender,
        ClinicClock clock,
        ShareStatusNotifications notifications,
        IOptions<ProgressSharingOptions> options,
        ILogger<ShareDispatcher> logger)
    {
        _dbFactory = dbFactory;
        _sender = sender;
        _clock = clock;
        _notifications = notifications;
        _options = options.Value;
        _logger = logger;
        _rateLimiter = CreateRateLimiter(_options.MaxSendsPerSecond);
    }

    /// <summary>Identifies this dispatcher in the leases it takes.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Handles every share that is due now, oldest first, and returns how many this dispatcher claimed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var claimed = 0;
        var lastId = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken };

        while (true)
        {
            var ids = await LoadDueIdsAsync(lastId, cancellationToken);
            if (ids.Count == 0)
            {
                return claimed;
            }

            await Parallel.ForEachAsync(ids, parallel, async (id, token) =>
            {
                if (await DispatchAsync(id, token))
                {
                    Interlocked.Increment(ref claimed);
                }
            });

            lastId = ids[^1];
        }
    }

    /// <summary>Returns when the next pending share falls due, or null when none is waiting.</summary>
    public async Task<DateTime?> GetNextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        var pending = db.ProgressShares.Where(s => s.Status == ShareStatus.Pending);
        if (await pending.AnyAsync(s => s.NextAttemptAtUtc == null && s.LeaseExpiresAtUtc == null, cancellationToken))
        {
            return _clock.UtcNow;
        }

        var nextRetry = await pending.MinAsync(s => s.NextAttemptAtUtc, cancellationToken);
        var nextLeaseExpiry = await pending.MinAsync(s => s.LeaseExpiresAtUtc, cancellationToken);
        return (nextRetry, nextLeaseExpiry) switch
        {
            (null, null) => null,
            ({ } retry, null) => retry,
            (null, { } lease) => lease,
            ({ } retry, { } lease) => retry < lease ? retry : lease,
        };
    }

    private async Task<List<int>> LoadDueIdsAsync(int afterId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var now = _clock.UtcNow;

        return await Due(db.ProgressShares, now)
            .Where(s => s.Id > afterId)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Pending shares whose retry time has come and that no live lease holds.</summary>
    private static IQueryable<ProgressShare> Due(IQueryable<ProgressShare> shares, DateTime now) =>
        shares.Where(s => s.Status == ShareStatus.Pending
            && (s.NextAttemptAtUtc == null || s.NextAttemptAtUtc <= now)
            && (s.LeaseExpiresAtUtc == null || s.LeaseExpiresAtUtc <= now));

    /// <summary>Claims the share with a conditional update; only one dispatcher's update can match.</summary>
    private async Task<bool> TryClaimAsync(ClinicDbContext db, int shareId, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var expiresAt = now + _options.LeaseDuration;

        var updated = await Due(db.ProgressShares, now)
            .Where(s => s.Id == shareId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.LeaseOwner, InstanceId).SetProperty(s => s.LeaseExpiresAtUtc, expiresAt),
                cancellationToken);
        return updated == 1;
    }

    private async Task<bool> DispatchAsync(int shareId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await TryClaimAsync(db, shareId, cancellationToken))
        {
            return false;
        }

        var share = await db.ProgressShares.Include(s => s.Attempts).SingleAsync(s => s.Id == shareId, cancellationToken);
        var patient = await db.Patients.SingleAsync(p => p.Id == share.PatientId, cancellationToken);

        if (share.FindAttemptInFlight() is { } interrupted)
        {
            // A process stopped between saving the attempt and saving its outcome: Twilio may have sent it.
            share.MarkUnknown(interrupted, "Interrupted", "The app stopped while this message was being sent, so Twilio may have sent it.", _clock.UtcNow);
            LogInterrupted(_logger, share.Id, interrupted.Number);
        }
        else if (await SharingDecision.ReasonNotToShareAsync(db, patient, _options.ConsentVersion, cancellationToken) is { } reason)
        {
            share.Skip(reason == ShareReason.NoConsent ? ShareReason.ConsentWithdrawn : reason, _clock.UtcNow);
            LogSkipped(_logger, share.Id, share.Reason!.Value);
        }
        else if (!await SendAsync(db, share, patient, cancellationToken))
        {
            // Another dispatcher took the share while this one waited for a permit, so its outcome is kept.
            return false;
        }

        // The outcome is saved even during shutdown: a message that left must not be sent again.
        await db.SaveChangesAsync(CancellationToken.None);
        await _notifications.PublishAsync(new ShareStatusChanged(share.Id, share.NoteId, share.Status, share.Reason, share.ErrorCode));
        return true;
    }

    /// <summary>Sends the share once a permit is free and records the outcome. Returns false, without sending, when the lease was lost meanwhile.</summary>
    private async Task<bool> SendAsync(ClinicDbContext db, ProgressShare share, Patients.Patient patient, CancellationToken cancellationToken)
    {
        using var permit = await _rateLimiter.AcquireAsync(1, cancellationToken);
        var recipient = patient.EmergencyContactPhone!;
        if (await TryStartAttemptAsync(db, share, recipient, cancellationToken) is not { } attempt)
        {
            LogLeaseLost(_logger, share.Id);
            return false;
        }

        var maskedRecipient = PhoneMasking.Mask(recipient);
        LogSending(_logger, share.Id, attempt.Number, maskedRecipient, _sender.Name);
        try
        {
            var result = await _sender.SendAsync(new SmsMessage(recipient, share.Message!), cancellationToken);
            share.MarkAccepted(attempt, result.ProviderMessageId, ProviderStatusMapping.ToShareStatus(result.ProviderStatus), _clock.UtcNow);
            LogAttempt(_logger, share.Id, attempt.Number, ShareAttemptOutcome.Accepted, null, attempt.DurationMs, maskedRecipient);
        }
        catch (SmsSendException exception)
        {
            await RecordFailureAsync(db, share, patient, attempt, exception, cancellationToken);
            LogAttemptFailed(_logger, exception, share.Id, attempt.Number, attempt.Outcome, exception.ErrorCode, attempt.DurationMs, maskedRecipient);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-request: the attempt stays in flight, and the next start marks it unknown.
            throw;
        }
        catch (Exception exception)
        {
            // The adapter or the SDK raised an unclassified exception, so the message may have left.
            var errorCode = exception.GetType().Name;
            share.MarkUnknown(attempt, errorCode, "Unexpected error while sending: " + PhoneMasking.RedactNumbers(exception.Message), _clock.UtcNow);
            LogUnexpectedError(_logger, exception, share.Id, attempt.Number, errorCode, attempt.DurationMs, maskedRecipient);
        }

        return true;
    }

    /// <summary>
    /// Saves a new attempt as in flight and renews this dispatcher's lease from now, in one
    /// transaction, and returns the attempt. Returns null and saves nothing when another dispatcher
    /// has claimed or finished the share since. That can happen because the wait for a permit can
    /// outlast the lease: at 1 send per second and 4 sends in flight a claimed share waits up to 4 s.
    /// </summary>
    private async Task<ShareAttempt?> TryStartAttemptAsync(ClinicDbContext db, ProgressShare share, string recipient, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = _clock.UtcNow;
        var expiresAt = now + _options.LeaseDuration;

        var renewed = await db.ProgressShares
            .Where(s => s.Id == share.Id && s.Status == ShareStatus.Pending && s.LeaseOwner == InstanceId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseExpiresAtUtc, expiresAt), cancellationToken);
        if (renewed == 0)
        {
            return null;
        }

        var attempt = share.StartAttempt(recipient, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return attempt;
    }

    private async Task RecordFailureAsync(
        ClinicDbContext db, ProgressShare share, Patients.Patient patient, ShareAttempt attempt, SmsSendException exception, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        switch (exception.Kind)
        {
            case SmsFailureKind.NotSent when share.AttemptCount < _options.MaxAttempts:
                var delay = RetrySchedule.DelayAfter(share.AttemptCount, exception.RetryAfter, _options, Random.Shared);
                share.ScheduleRetry(attempt, exception.ErrorCode, exception.Message, now + delay, now);
                break;
            case SmsFailureKind.NotSent:
                share.MarkFailed(attempt, exception.ErrorCode, $"Not sent after {share.AttemptCount} attempts: {exception.Message}", now);
                break;
            case SmsFailureKind.OutcomeUnknown:
                share.MarkUnknown(attempt, exception.ErrorCode, exception.Message, now);
                break;
            default:
                share.MarkFailed(attempt, exception.ErrorCode, $"{SmsErrorExplanations.Explain(exception.ErrorCode)} {exception.Message}", now);
                await FlagRecipientAsync(db, patient, attempt.RecipientPhone, exception.ErrorCode, cancellationToken);
                break;
        }
    }

    /// <summary>Flags the number after a permanent error: opted out (21610), or unable to receive SMS (21211, 21614).</summary>
    private async Task FlagRecipientAsync(ClinicDbContext db, Patients.Patient patient, string recipient, string errorCode, CancellationToken cancellationToken)
    {
        if (errorCode == SmsErrorExplanations.RecipientOptedOut && !await SharingDecision.IsOptedOutAsync(db, recipient, cancellationToken))
        {
            db.ContactOptOuts.Add(new ContactOptOut(recipient, _clock.UtcNow, "Twilio error 21610"));
        }
        else if (SmsErrorExplanations.IsUndeliverableNumber(errorCode) && patient.EmergencyContactPhone == recipient)
        {
            patient.MarkEmergencyContactUndeliverable(errorCode);
        }
    }

    private static RateLimiter CreateRateLimiter(double sendsPerSecond)
    {
        // One token per interval, and a bucket of one, so sends are spread evenly rather than in bursts.
        var interval = TimeSpan.FromSeconds(1 / sendsPerSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = interval,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose() => _rateLimiter.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending share {ShareId}, attempt {Attempt}, to {Recipient} through {Sender}")]
    private static partial void LogSending(ILogger logger, int shareId, int attempt, string recipient, string sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share {ShareId} attempt {Attempt}: {Outcome}, code {ErrorCode}, {DurationMs} ms, to {Recipient}")]
    private static partial void LogAttempt(ILogger logger, int shareId, int attempt, ShareAttemptOutcome outcome, string? errorCode, long? durationMs, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Share {ShareId} attempt {Attempt}: {Outcome}, code {ErrorCode}, {DurationMs} ms, to {Recipient}")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, int shareId, int attempt, ShareAttemptOutcome outcome, string errorCode, long? durationMs, string recipient);

    [LoggerMessage(Level = LogLevel.Error, Message = "Share {ShareId} attempt {Attempt}: unexpected {ErrorCode} after {DurationMs} ms, to {Recipient}; marked unknown")]
    private static partial void LogUnexpectedError(ILogger logger, Exception exception, int shareId, int attempt, string errorCode, long? durationMs, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Share {ShareId} attempt {Attempt} was interrupted by a stop or crash; marked unknown")]
    private static partial void LogInterrupted(ILogger logger, int shareId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Share {ShareId} was claimed or finished by another dispatcher while this one waited for a send permit; not sent by this one")]
    private static partial void LogLeaseLost(ILogger logger, int shareId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped share {ShareId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, int shareId, ShareReason reason);
}
