using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Reads the dispatcher's health from the database, for the /health endpoint.</summary>
public sealed class ShareDispatchHealthService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    IOptions<ProgressSharingOptions> options)
{
    public const int RecentAttemptCount = 10;

    public async Task<ShareDispatchHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var oldestWaiting = await db.ProgressShares.AsNoTracking()
            .Where(s => s.Status == ShareStatus.Pending)
            .MinAsync(s => (DateTime?)s.CreatedAtUtc, cancellationToken);
        var recentOutcomes = await db.ShareAttempts.AsNoTracking()
            .Where(a => a.Outcome != ShareAttemptOutcome.InFlight)
            .OrderByDescending(a => a.StartedAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(RecentAttemptCount)
            .Select(a => a.Outcome)
            .ToListAsync(cancellationToken);

        var stale = oldestWaiting is { } since && clock.UtcNow - since > options.Value.StaleAfter;
        var allFailed = recentOutcomes.Count == RecentAttemptCount && recentOutcomes.All(o => o != ShareAttemptOutcome.Accepted);
        return new ShareDispatchHealth(oldestWaiting, stale, recentOutcomes.Count, allFailed);
    }
}
