using System.Diagnostics;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Sends pending shares through the SMS port. Consent and contact are checked again just before
/// sending, and every outcome, including an exception from the SMS adapter, is recorded on the
/// share and never raised to the caller.
/// </summary>
public sealed partial class ShareDispatcher(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ISmsSender sender,
    ClinicClock clock,
    ShareStatusNotifications notifications,
    ILogger<ShareDispatcher> logger)
{
    private const int BatchSize = 50;

    /// <summary>Sends every share that is pending now, oldest first, and returns how many were handled.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        var lastId = 0;
        while (true)
        {
            var ids = await LoadPendingIdsAsync(lastId, cancellationToken);
            if (ids.Count == 0)
            {
                return handled;
            }

            foreach (var id in ids)
            {
                await DispatchAsync(id, cancellationToken);
                handled++;
            }

            lastId = ids[^1];
        }
    }

    private async Task<List<int>> LoadPendingIdsAsync(int afterId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        return await db.ProgressShares
            .Where(s => s.Status == ShareStatus.Pending && s.Id > afterId)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task DispatchAsync(int shareId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var share = await db.ProgressShares.SingleAsync(s => s.Id == shareId, cancellationToken);
        if (share.Status != ShareStatus.Pending)
        {
            return;
        }

        var patient = await db.Patients.SingleAsync(p => p.Id == share.PatientId, cancellationToken);
        var reason = SharingDecision.ReasonNotToShare(patient);
        if (reason is not null)
        {
            share.Skip(reason == ShareReason.NoConsent ? ShareReason.ConsentWithdrawn : reason.Value, clock.UtcNow);
            LogSkipped(logger, share.Id, share.Reason!.Value);
        }
        else
        {
            await SendAsync(share, patient.EmergencyContactPhone!, cancellationToken);
        }

        // The outcome is saved even during shutdown: an SMS that left must not be sent again.
        await db.SaveChangesAsync(CancellationToken.None);
        await notifications.PublishAsync(new ShareStatusChanged(share.Id, share.NoteId, share.Status, share.Reason, share.ErrorCode));
    }

    private async Task SendAsync(ProgressShare share, string recipient, CancellationToken cancellationToken)
    {
        var maskedRecipient = PhoneMasking.Mask(recipient);
        LogSending(logger, share.Id, maskedRecipient, sender.Name);
        var stopwatch = Stopwatch.StartNew();

        try
        {
            var result = await sender.SendAsync(new SmsMessage(recipient, share.Message!), cancellationToken);
            share.MarkAccepted(recipient, result.ProviderMessageId, ProviderStatusMapping.ToShareStatus(result.ProviderStatus), clock.UtcNow);
            LogSent(logger, share.Id, result.ProviderMessageId, result.ProviderStatus, stopwatch.ElapsedMilliseconds);
        }
        catch (SmsSendException exception)
        {
            share.MarkFailed(recipient, exception.ErrorCode, exception.Message, clock.UtcNow);
            LogSendFailed(logger, exception, share.Id, exception.ErrorCode, stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // An adapter bug must not stop the dispatcher: the share records it as a failure.
            var errorCode = exception.GetType().Name;
            share.MarkFailed(recipient, errorCode, "Unexpected error while sending: " + exception.Message, clock.UtcNow);
            LogUnexpectedError(logger, exception, share.Id, errorCode, stopwatch.ElapsedMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending share {ShareId} to {Recipient} through {Sender}")]
    private static partial void LogSending(ILogger logger, int shareId, string recipient, string sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent share {ShareId}: provider id {ProviderMessageId}, status {ProviderStatus}, {ElapsedMs} ms")]
    private static partial void LogSent(ILogger logger, int shareId, string providerMessageId, string providerStatus, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending share {ShareId} failed with code {ErrorCode} after {ElapsedMs} ms")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int shareId, string errorCode, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending share {ShareId} failed with an unexpected {ErrorCode} after {ElapsedMs} ms")]
    private static partial void LogUnexpectedError(ILogger logger, Exception exception, int shareId, string errorCode, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped share {ShareId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, int shareId, ShareReason reason);
}
