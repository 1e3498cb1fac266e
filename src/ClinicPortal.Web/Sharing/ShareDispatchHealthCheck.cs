using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicPortal.Web.Sharing;

/// <summary>Reports degraded when shares wait too long or the last attempts all failed.</summary>
internal sealed class ShareDispatchHealthCheck(ShareDispatchHealthService healthService) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await healthService.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["oldest_waiting_since_utc"] = health.OldestWaitingSinceUtc?.ToString("O") ?? "",
            ["recent_attempts"] = health.RecentAttempts,
        };

        if (health.StaleShares)
        {
            return HealthCheckResult.Degraded($"A share has waited since {health.OldestWaitingSinceUtc:O} UTC.", data: data);
        }

        return health.RecentAttemptsAllFailed
            ? HealthCheckResult.Degraded($"The last {ShareDispatchHealthService.RecentAttemptCount} send attempts all failed.", data: data)
            : HealthCheckResult.Healthy("Shares are being sent.", data);
    }
}
