namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// How the dispatcher is doing: the oldest share still waiting, and whether the last
/// <see cref="ShareDispatchHealthService.RecentAttemptCount"/> attempts all failed.
/// </summary>
public sealed record ShareDispatchHealth(DateTime? OldestWaitingSinceUtc, bool StaleShares, int RecentAttempts, bool RecentAttemptsAllFailed);
