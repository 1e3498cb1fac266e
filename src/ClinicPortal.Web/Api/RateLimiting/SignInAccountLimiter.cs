using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api.RateLimiting;

/// <summary>
/// Counts sign-in attempts per account email, so that guessing one account's password from many
/// addresses is slowed as well. Identity's lockout still applies on top, after five failures.
/// </summary>
internal sealed class SignInAccountLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInAccountLimiter(IOptions<ApiRateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(
            email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerAccount, Window = settings.SignInWindow, QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for the account; returns null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
