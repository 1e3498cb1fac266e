using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Counts shares for the admin's sharing dashboard.</summary>
public sealed class ShareDashboardService(IDbContextFactory<ClinicDbContext> dbFactory, ClinicClock clock)
{
    /// <summary>Number of days in the chart, today in the clinic's time zone included.</summary>
    public const int Days = 30;

    public async Task<ShareDashboard> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, userId, ClinicRoles.Admin, cancellationToken);

        var today = DateOnly.FromDateTime(clock.ToClinicTime(clock.UtcNow));
        var firstDay = today.AddDays(1 - Days);
        var startUtc = clock.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue));

        // About a month of shares: a few thousand rows of two columns, grouped here because the
        // day boundaries depend on the clinic's daylight-saving rules, which SQLite does not know.
        var recent = await db.ProgressShares.AsNoTracking()
            .Where(s => s.CreatedAtUtc >= startUtc)
            .Select(s => new { s.CreatedAtUtc, s.Status })
            .ToListAsync(cancellationToken);
        var counts = recent
            .GroupBy(s => (Day: DateOnly.FromDateTime(clock.ToClinicTime(s.CreatedAtUtc)), Outcome: ToOutcome(s.Status)))
            .ToDictionary(group => group.Key, group => group.Count());

        var days = Enumerable.Range(0, Days).Select(offset =>
        {
            var day = firstDay.AddDays(offset);
            var dayCounts = Enum.GetValues<ShareOutcome>().ToDictionary(outcome => outcome, outcome => counts.GetValueOrDefault((day, outcome)));
            return new ShareDay(day, dayCounts);
        }).ToList();

        var pending = db.ProgressShares.Where(s => s.Status == ShareStatus.Pending);
        var backlog = await pending.CountAsync(cancellationToken);
        var oldest = await pending.OrderBy(s => s.CreatedAtUtc).Select(s => (DateTime?)s.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);

        return new ShareDashboard(days, backlog, oldest);
    }

    public static ShareOutcome ToOutcome(ShareStatus status) => status switch
    {
        ShareStatus.Delivered => ShareOutcome.Delivered,
        ShareStatus.Queued or ShareStatus.Sent => ShareOutcome.Sent,
        ShareStatus.Failed or ShareStatus.Undelivered or ShareStatus.Unknown => ShareOutcome.Failed,
        ShareStatus.Skipped => ShareOutcome.Skipped,
        _ => ShareOutcome.Pending,
    };
}
