using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>The admin's view of every share: sent, failed or skipped, and why.</summary>
public sealed class ShareLogService(IDbContextFactory<ClinicDbContext> dbFactory)
{
    /// <summary>Lists shares newest first.</summary>
    public Task<PagedResult<ShareLogEntry>> ListAsync(string userId, PageRequest page, CancellationToken cancellationToken = default) =>
        ListAsync(userId, page, ShareLogSort.NewestFirst, cancellationToken);

    /// <summary>Lists shares in the given order.</summary>
    public async Task<PagedResult<ShareLogEntry>> ListAsync(
        string userId, PageRequest page, ShareLogSort sort, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        var count = await db.ProgressShares.CountAsync(cancellationToken);
        var joined = db.ProgressShares.AsNoTracking()
            .Join(db.Patients, s => s.PatientId, p => p.Id, (share, patient) => new ShareRow { Share = share, FirstName = patient.FirstName, LastName = patient.LastName });
        var rows = await Order(joined, sort)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .ToListAsync(cancellationToken);

        var entries = rows.Select(row => new ShareLogEntry(
            row.Share.Id,
            row.Share.NoteId,
            row.Share.PatientId,
            $"{row.FirstName} {row.LastName}".Trim(),
            PhoneMasking.Mask(row.Share.RecipientPhone),
            row.Share.Status,
            row.Share.Reason,
            row.Share.ErrorCode,
            row.Share.ErrorMessage,
            row.Share.ProviderMessageId,
            row.Share.Segments,
            row.Share.Message,
            row.Share.CreatedAtUtc,
            row.Share.SentAtUtc,
            row.Share.WithheldReason)).ToList();

        return new PagedResult<ShareLogEntry>(count, entries);
    }

    private static IQueryable<ShareRow> Order(IQueryable<ShareRow> rows, ShareLogSort sort)
    {
        var ordered = (sort.Column, sort.Descending) switch
        {
            (ShareLogSortColumn.PatientName, false) => rows.OrderBy(row => row.LastName).ThenBy(row => row.FirstName),
            (ShareLogSortColumn.PatientName, true) => rows.OrderByDescending(row => row.LastName).ThenByDescending(row => row.FirstName),
            // Status orders by its name, as stored.
            (ShareLogSortColumn.Status, false) => rows.OrderBy(row => row.Share.Status),
            (ShareLogSortColumn.Status, true) => rows.OrderByDescending(row => row.Share.Status),
            (_, false) => rows.OrderBy(row => row.Share.CreatedAtUtc),
            (_, true) => rows.OrderByDescending(row => row.Share.CreatedAtUtc),
        };

        // Newest first within equal values, so paging is stable.
        return ordered.ThenByDescending(row => row.Share.CreatedAtUtc).ThenByDescending(row => row.Share.Id);
    }

    // A class with init properties rather than a positional record, because EF Core translates
    // member access after a member-init projection but not after a constructor call.
    private sealed class ShareRow
    {
        public required ProgressShare Share { get; init; }

        public required string FirstName { get; init; }

        public required string LastName { get; init; }
    }
}
