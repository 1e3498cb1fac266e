namespace ClinicPortal.Domain.Sharing;

/// <summary>Computes when to try again after a send that did not leave.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// Returns the delay before attempt <paramref name="failedAttempts"/> + 1: the base delay
    /// doubled per failed attempt, scaled by a random factor from 0.5 to 1 so that dispatchers do
    /// not retry in step, and capped at <see cref="ProgressSharingOptions.RetryMaxDelay"/>. A
    /// longer Retry-After from the provider wins, up to <see cref="ProgressSharingOptions.MaxRetryAfter"/>.
    /// </summary>
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan? retryAfter, ProgressSharingOptions options, Random random)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var jittered = TimeSpan.FromMilliseconds(exponential * (0.5 + (random.NextDouble() * 0.5)));
        var backoff = jittered > options.RetryMaxDelay ? options.RetryMaxDelay : jittered;

        if (retryAfter is not { } requested || requested <= backoff)
        {
            return backoff;
        }

        return requested > options.MaxRetryAfter ? options.MaxRetryAfter : requested;
    }
}
