using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// Exponential backoff with jitter from 0.5 to 1 of the doubled base delay, capped at the maximum,
/// and a longer Retry-After honoured up to its own limit.
/// </summary>
public sealed class RetryScheduleTests
{
    private static readonly ProgressSharingOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(5),
        RetryMaxDelay = TimeSpan.FromMinutes(10),
        MaxRetryAfter = TimeSpan.FromHours(24),
    };

    [Theory]
    [InlineData(1, 0.0, 2500)]
    [InlineData(1, 1.0, 5000)]
    [InlineData(2, 0.0, 5000)]
    [InlineData(3, 1.0, 20000)]
    [InlineData(4, 0.5, 30000)]
    public void DelayAfter_DoublesWithJitter(int failedAttempts, double randomValue, double expectedMilliseconds)
    {
        var delay = RetrySchedule.DelayAfter(failedAttempts, retryAfter: null, Options, new FixedRandom(randomValue));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public void DelayAfter_LongerRetryAfterWins()
    {
        var delay = RetrySchedule.DelayAfter(1, TimeSpan.FromSeconds(30), Options, new FixedRandom(1.0));

        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact]
    public void DelayAfter_ShorterRetryAfterIgnored()
    {
        var delay = RetrySchedule.DelayAfter(1, TimeSpan.FromSeconds(1), Options, new FixedRandom(1.0));

        Assert.Equal(TimeSpan.FromSeconds(5), delay);
    }

    [Fact]
    public void DelayAfter_BackoffCappedAtMaximum()
    {
        var backoff = RetrySchedule.DelayAfter(20, retryAfter: null, Options, new FixedRandom(1.0));

        Assert.Equal(TimeSpan.FromMinutes(10), backoff);
    }

    [Fact]
    public void DelayAfter_RetryAfterBeyondBackoffCapHonoured()
    {
        var delay = RetrySchedule.DelayAfter(1, TimeSpan.FromHours(1), Options, new FixedRandom(1.0));

        Assert.Equal(TimeSpan.FromHours(1), delay);
    }

    [Fact]
    public void DelayAfter_RetryAfterCappedAtItsLimit()
    {
        var delay = RetrySchedule.DelayAfter(1, TimeSpan.FromDays(3), Options, new FixedRandom(1.0));

        Assert.Equal(TimeSpan.FromHours(24), delay);
    }

    /// <summary>A random source whose NextDouble always returns the same value.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
