namespace ClinicPortal.Tests.Support;

/// <summary>A clock that always reads the same instant, so dates in tests do not depend on when they run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
