using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Web.Api.RateLimiting;

/// <summary>
/// Request limits, bound from the "RateLimiting" section. Each limit is a fixed window: at most
/// the given number of requests per window, after which requests get 429 with Retry-After until
/// the window ends. Counters live in each process's memory.
/// </summary>
internal sealed class ApiRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sign-in attempts (API and login form) per client IP address per <see cref="SignInWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>API sign-in attempts per account email per <see cref="SignInWindow"/>, whatever the address.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAccount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>POST, PUT, PATCH and DELETE requests per signed-in user per <see cref="WritesWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int WritesPerUser { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WritesWindow { get; set; } = TimeSpan.FromMinutes(1);
}
