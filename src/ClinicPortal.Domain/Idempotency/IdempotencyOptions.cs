using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Domain.Idempotency;

/// <summary>Settings of Idempotency-Key handling, bound from the "Idempotency" section.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a completed request's response is kept for replays; after that the key can be reused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim of a request that never completed (its process stopped mid-request) blocks
    /// the key. After it, a retry with the key runs the request again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two purges of expired keys.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
