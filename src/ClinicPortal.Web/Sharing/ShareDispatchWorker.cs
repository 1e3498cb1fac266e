using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Sharing;

/// <summary>
/// Runs the share dispatcher in the background: once at start, for shares left pending by a
/// stop or crash, then whenever a note is saved, and at least every <see cref="PollInterval"/>.
/// </summary>
internal sealed partial class ShareDispatchWorker(
    ShareDispatcher dispatcher,
    ShareDispatchSignal signal,
    ISmsSender sender,
    ILogger<ShareDispatchWorker> logger) : BackgroundService
{
    /// <summary>How often pending shares are looked for without a signal, for example shares saved by another instance.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, sender.Name);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await dispatcher.DispatchPendingAsync(stoppingToken);
                if (handled > 0)
                {
                    LogDispatched(logger, handled);
                }

                await WaitForSignalAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A database outage must not end the worker: the shares stay pending for the next run.
                LogRunFailed(logger, exception);
                await WaitForSignalAsync(stoppingToken);
            }
        }

        LogStopped(logger);
    }

    private async Task WaitForSignalAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PollInterval);
        try
        {
            await signal.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Either the poll interval passed without a signal, so pending shares are looked for
            // anyway, or the host is stopping, which the caller's loop checks.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher started, sending through {Sender}")]
    private static partial void LogStarted(ILogger logger, string sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share dispatcher handled {Count} pending shares")]
    private static partial void LogDispatched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Share dispatcher run failed; pending shares are retried on the next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
