using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Auditing;

/// <summary>
/// The admins' view of who read which record. To record a read, add an
/// <see cref="AccessLogEntry"/> to the context that performs the read, so both are saved together.
/// </summary>
public sealed class AccessLogService(IDbContextFactory<ClinicDbContext> dbFactory)
{
    /// <summary>Lists entries newest first.</summary>
    public async Task<PagedResult<AccessLogItem>> ListAsync(string userId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        var count = await db.AccessLog.CountAsync(cancellationToken);
        var items = await db.AccessLog.AsNoTracking()
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(e => new AccessLogItem(
                e.Id,
                e.OccurredAtUtc,
                e.UserId,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() ?? e.UserId,
                e.Action,
                e.Subject))
            .ToListAsync(cancellationToken);

        return new PagedResult<AccessLogItem>(count, items);
    }
}
