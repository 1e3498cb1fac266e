using System.Runtime.CompilerServices;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The admin's view of every share: sent, failed or skipped, and why. Filters, order and paging
/// run in the database, so a page costs the same on a million shares as on a hundred.
/// </summary>
public sealed partial class ShareLogService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<ShareLogService> logger)
{
    /// <summary>Lists shares newest first.</summary>
    public Task<PagedResult<ShareLogEntry>> ListAsync(string userId, PageRequest page, CancellationToken cancellationToken = default) =>
        ListAsync(userId, page, ShareLogSort.NewestFirst, ShareLogFilter.None, cancellationToken);

    /// <summary>Lists shares in the given order.</summary>
    public Task<PagedResult<ShareLogEntry>> ListAsync(
        string userId, PageRequest page, ShareLogSort sort, CancellationToken cancellationToken = default) =>
        ListAsync(userId, page, sort, ShareLogFilter.None, cancellationToken);

    /// <summary>Lists the shares that match every set filter, in the given order, with their total count.</summary>
    public async Task<PagedResult<ShareLogEntry>> ListAsync(
        string userId, PageRequest page, ShareLogSort sort, ShareLogFilter filter, CancellationToken cancellationToken = default)
    {
        page.Validate();
        filter.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        var shares = ShareLogQuery.Filter(db, filter);
        var count = await shares.CountAsync(cancellationToken);
        var rows = await ShareLogQuery.OrderWithNames(db, shares, sort)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .ToListAsync(cancellationToken);

        return new PagedResult<ShareLogEntry>(count, rows.Select(ShareLogQuery.ToEntry).ToList());
    }

    /// <summary>
    /// Streams every share that matches the filters, in the given order, for a CSV export. The
    /// export is recorded in the access log, with the filters as its subject, before the first row.
    /// </summary>
    public async IAsyncEnumerable<ShareLogEntry> StreamAsync(
        string userId, ShareLogSort sort, ShareLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        db.AccessLog.Add(AccessLogEntry.ShareLogExported(userId, filter.Describe(), clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        LogExportStarted(logger, userId, filter.DescribeForLog());

        var rows = ShareLogQuery.OrderWithNames(db, ShareLogQuery.Filter(db, filter), sort).AsAsyncEnumerable();
        var exported = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            exported++;
            yield return ShareLogQuery.ToEntry(row);
        }

        LogExportFinished(logger, userId, exported);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share log export started by admin {UserId} with filters on {Filters}")]
    private static partial void LogExportStarted(ILogger logger, string userId, string filters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Share log export by admin {UserId} finished after {RowCount} rows")]
    private static partial void LogExportFinished(ILogger logger, string userId, int rowCount);
}
