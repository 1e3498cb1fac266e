using ClinicPortal.Domain.Idempotency;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api.Idempotency;

/// <summary>Deletes expired Idempotency-Keys every <see cref="IdempotencyOptions.PurgeInterval"/>, starting at start-up.</summary>
internal sealed partial class IdempotencyPurgeWorker(
    IdempotencyStore store,
    IOptions<IdempotencyOptions> options,
    TimeProvider timeProvider,
    ILogger<IdempotencyPurgeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.Value.PurgeInterval);
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        try
        {
            do
            {
                await PurgeOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
    }

    private async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var purged = await store.PurgeExpiredAsync(stoppingToken);
            if (purged > 0)
            {
                LogPurged(logger, purged);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick tries again; an expired key left in place is also replaced when a client reuses it.
            LogPurgeFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key purge started, every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key purge stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging expired idempotency keys failed; retrying at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
