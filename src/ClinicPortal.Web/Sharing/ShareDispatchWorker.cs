using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Sharing;

/// <summary>
/// Runs the share dispatcher in the background: once at start, for shares left pending by a
/// stop or crash, then whenever a note is saved, when a retry or an expired lease falls due,
/// and at least every <see cref="PollInterval"/>.
/// </summary>
internal sealed partial class ShareDispatchWorker(
    ShareDispatcher dispatcher,
    ShareDispatchSignal signal,
    ISmsSender sender,
    ClinicClock clock,
    ILogger<ShareDispatchWorker> logger) : BackgroundService
{
    /// <summary>How often pending shares are looked for without a signal, for example shares saved by another instance.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    /// <summary>Shortest wait between two runs, so a share that cannot be claimed does not make the loop spin.</summary>
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, sender.Name, dispatcher.InstanceId);

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            try
            {
                var claimed = await dispatcher.DispatchPendingAsync(stoppingToken);
                if (claimed > 0)
                {
                    LogDispatched(logger, claimed);
                }

                wait = await TimeUntilNextDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A database outage must not end the worker: the shares stay pending for the next run.
                LogRunFailed(logger, exception, wait);
            }

            await WaitForSignalAsync(wait, stoppingToken);
        }

        LogStopped(logger);
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(CancellationToken stoppingToken)
    {
        var nextDue = await dispatcher.GetNextDueAtAsync(stoppingToken);
        if (nextDue is null)
        {
            return PollInterval;
        }

        var wait = nextDue.Value - clock.UtcNow;
        if (wait < MinimumWait)
        {
            return MinimumWait;
        }

        return wait > PollInterval ? PollInterval : wait;
    }

    private async Task WaitForSignalAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait);
        try
        {
            await signal.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Either the wait ended without a signal, so due shares are looked for anyway, or
            // the host is stopping, which the caller's loop checks.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher {InstanceId} started, sending through {Sender}")]
    private static partial void LogStarted(ILogger logger, string sender, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher handled {Count} shares")]
    private static partial void LogDispatched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Share dispatcher run failed; pending shares are tried again in {Wait}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, TimeSpan wait);
}
