using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Sharing;

/// <summary>The admin's detail view of one share, and the recorded reveal of its full recipient number.</summary>
public sealed partial class ShareDetailsService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<ShareDetailsService> logger)
{
    /// <summary>Loads a share with every attempt and status callback, oldest first, and the recipient masked.</summary>
    /// <exception cref="NotFoundException">No share has the id.</exception>
    public async Task<ShareDetails> GetAsync(string userId, int shareId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);
        var share = await db.ProgressShares.AsNoTracking().Include(s => s.Attempts)
            .SingleOrDefaultAsync(s => s.Id == shareId, cancellationToken)
            ?? throw ShareNotFound(shareId);

        var patientName = await db.Patients.Where(p => p.Id == share.PatientId)
            .Select(p => p.FirstName + " " + p.LastName).SingleAsync(cancellationToken);
        var psychologistName = await db.Users.Where(u => u.Id == share.PsychologistId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email)
            .SingleOrDefaultAsync(cancellationToken) ?? "";
        var callbacks = await db.ShareStatusCallbacks.AsNoTracking()
            .Where(c => c.ShareId == shareId)
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
            .Select(c => new ShareCallbackDetails(c.ReceivedAtUtc, c.ProviderStatus, c.ErrorCode, c.Applied))
            .ToListAsync(cancellationToken);
        var requesterIds = share.Attempts.Select(a => a.RequestedByUserId).OfType<string>().Distinct().ToList();
        var requesters = await db.Users.Where(u => requesterIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);

        var attempts = share.Attempts.OrderBy(a => a.Number).Select(a => new ShareAttemptDetails(
            a.Number,
            a.StartedAtUtc,
            a.FinishedAtUtc,
            a.Outcome,
            a.ErrorCode,
            a.ErrorMessage,
            a.DurationMs,
            PhoneMasking.Mask(a.RecipientPhone),
            a.RequestedByUserId is null ? null : requesters.GetValueOrDefault(a.RequestedByUserId, a.RequestedByUserId))).ToList();

        return new ShareDetails(
            share.Id,
            share.NoteId,
            share.PatientId,
            patientName.Trim(),
            psychologistName,
            PhoneMasking.Mask(share.RecipientPhone),
            share.Status,
            share.Reason,
            share.WithheldReason,
            share.ErrorCode,
            share.ErrorMessage,
            share.ProviderMessageId,
            share.Segments,
            share.Message,
            share.ConsentVersion,
            share.CreatedAtUtc,
            share.SentAtUtc,
            attempts,
            callbacks);
    }

    /// <summary>
    /// Returns the full number the share was last sent to, and records the reveal in the access
    /// log in the same save. Returns null, and records nothing, when the share was never sent.
    /// </summary>
    /// <exception cref="NotFoundException">No share has the id.</exception>
    public async Task<string?> RevealRecipientAsync(string userId, int shareId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);
        var recipient = await db.ProgressShares.Where(s => s.Id == shareId)
            .Select(s => new { s.RecipientPhone })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw ShareNotFound(shareId);

        if (recipient.RecipientPhone is null)
        {
            return null;
        }

        db.AccessLog.Add(AccessLogEntry.RecipientRevealed(userId, shareId, clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);

        LogRecipientRevealed(logger, shareId, userId);
        return recipient.RecipientPhone;
    }

    private static NotFoundException ShareNotFound(int shareId) => new($"Share {shareId} was not found.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipient of share {ShareId} revealed to admin {UserId}")]
    private static partial void LogRecipientRevealed(ILogger logger, int shareId, string userId);
}
