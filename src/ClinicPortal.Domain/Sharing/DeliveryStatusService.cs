using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Applies Twilio's delivery status callbacks. Callbacks may repeat or arrive out of order, so a
/// share only moves forward, and every callback is kept.
/// </summary>
public sealed partial class DeliveryStatusService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<DeliveryStatusService> logger)
{
    /// <summary>Records a status for a message SID. Returns false when no share has that SID.</summary>
    public async Task<bool> ApplyAsync(string messageSid, string providerStatus, string? errorCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var share = await db.ProgressShares.SingleOrDefaultAsync(s => s.ProviderMessageId == messageSid, cancellationToken);
        if (share is null)
        {
            LogUnknownMessage(logger, messageSid);
            return false;
        }

        var now = clock.UtcNow;
        var code = string.IsNullOrWhiteSpace(errorCode) ? null : errorCode.Trim();
        var applied = share.ApplyProviderStatus(ProviderStatusMapping.ToShareStatus(providerStatus), code, now);
        db.ShareStatusCallbacks.Add(new ShareStatusCallback(share.Id, providerStatus, code, now, applied));
        await db.SaveChangesAsync(cancellationToken);

        LogCallback(logger, share.Id, providerStatus, code, applied);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback for message {MessageSid}, which matches no share")]
    private static partial void LogUnknownMessage(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status callback for share {ShareId}: {ProviderStatus}, code {ErrorCode}, applied {Applied}")]
    private static partial void LogCallback(ILogger logger, int shareId, string providerStatus, string? errorCode, bool applied);
}
