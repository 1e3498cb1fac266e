using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Settings of progress sharing, bound from the "ProgressSharing" section.</summary>
public sealed class ProgressSharingOptions
{
    public const string SectionName = "ProgressSharing";

    /// <summary>Version of the consent text a patient agrees to when they turn sharing on.</summary>
    [Required]
    [RegularExpression(@"^\S{1,20}$", ErrorMessage = "ProgressSharing:ConsentVersion must be 1 to 20 characters without spaces, for example 1.0.")]
    public string ConsentVersion { get; set; } = "1.0";

    /// <summary>
    /// Whether this instance runs the dispatcher that sends pending shares. Turn it off on an
    /// instance that should only take requests; shares then wait for an instance that sends.
    /// </summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Maximum number of requests for one share when the provider reports that the message did not leave.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Maximum number of requests to the provider in flight at once, per instance.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSends { get; set; } = 4;

    /// <summary>Maximum requests per second, per instance. Twilio queues about one SMS per second on one long code.</summary>
    [Range(0.01, 1000)]
    public double MaxSendsPerSecond { get; set; } = 1;

    /// <summary>Delay before the first retry; each later retry waits twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay the backoff itself chooses between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Maximum provider Retry-After that is honoured. A longer one waits this long, so that a
    /// wrong header cannot hold an update back for days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a dispatcher's claim on a share lasts. A claim left by a crashed process expires
    /// after this, so it must exceed the SMS request timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A share waiting longer than this makes the health check report degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
