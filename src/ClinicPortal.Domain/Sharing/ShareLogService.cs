using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>The admin's view of every share: sent, failed or skipped, and why.</summary>
public sealed class ShareLogService(IDbContextFactory<ClinicDbContext> dbFactory)
{
    /// <summary>Lists shares newest first.</summary>
    public async Task<PagedResult<ShareLogEntry>> ListAsync(string userId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        var count = await db.ProgressShares.CountAsync(cancellationToken);
        var rows = await db.ProgressShares.AsNoTracking()
            .Join(db.Patients, s => s.PatientId, p => p.Id, (share, patient) => new { share, patient.FirstName, patient.LastName })
            .OrderByDescending(row => row.share.CreatedAtUtc)
            .ThenByDescending(row => row.share.Id)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .ToListAsync(cancellationToken);

        var entries = rows.Select(row => new ShareLogEntry(
            row.share.Id,
            row.share.NoteId,
            row.share.PatientId,
            $"{row.FirstName} {row.LastName}".Trim(),
            PhoneMasking.Mask(row.share.RecipientPhone),
            row.share.Status,
            row.share.Reason,
            row.share.ErrorCode,
            row.share.ErrorMessage,
            row.share.ProviderMessageId,
            row.share.Segments,
            row.share.Message,
            row.share.CreatedAtUtc,
            row.share.SentAtUtc)).ToList();

        return new PagedResult<ShareLogEntry>(count, entries);
    }
}
