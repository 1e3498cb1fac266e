namespace ClinicPortal.Domain.Sharing;

/// <summary>Computes when to try again after a send that did not leave.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// Returns the delay before attempt <paramref name="failedAttempts"/> + 1: the base delay
    /// doubled per failed attempt, scaled by a random factor from 0.5 to 1 so that dispatchers do
    /// not retry in step, never shorter than the provider's Retry-After, and capped at the maximum.
    /// </summary>
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan? retryAfter, ProgressSharingOptions options, Random random)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var jittered = TimeSpan.FromMilliseconds(exponential * (0.5 + (random.NextDouble() * 0.5)));

        var delay = retryAfter is { } requested && requested > jittered ? requested : jittered;
        return delay > options.RetryMaxDelay ? options.RetryMaxDelay : delay;
    }
}
