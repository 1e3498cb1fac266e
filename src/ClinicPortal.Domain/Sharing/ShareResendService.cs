using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// An admin's deliberate resend of a failed share, or of one whose outcome is unknown. The next
/// attempt goes to the contact's current number and records who asked for it.
/// </summary>
public sealed partial class ShareResendService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ShareDispatchSignal dispatchSignal,
    IOptions<ProgressSharingOptions> options,
    ILogger<ShareResendService> logger)
{
    public async Task ResendAsync(string userId, int shareId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);
        var share = await db.ProgressShares.SingleOrDefaultAsync(s => s.Id == shareId, cancellationToken)
            ?? throw new NotFoundException($"Share {shareId} was not found.");
        var patient = await db.Patients.SingleAsync(p => p.Id == share.PatientId, cancellationToken);

        if (share.Status is not (ShareStatus.Failed or ShareStatus.Unknown))
        {
            throw DomainValidationException.ForField("Status", $"Only a failed share or one with an unknown outcome can be resent; this one is {share.Status}.");
        }

        if (await SharingDecision.ReasonNotToShareAsync(db, patient, options.Value.ConsentVersion, cancellationToken) is { } reason)
        {
            throw DomainValidationException.ForField("Status", "This share cannot be resent: " + ShareReasonText.Describe(reason));
        }

        share.RequestResend(userId, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        LogResendRequested(logger, shareId, userId);
        dispatchSignal.Request();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share {ShareId} queued for resending by admin {UserId}")]
    private static partial void LogResendRequested(ILogger logger, int shareId, string userId);
}
