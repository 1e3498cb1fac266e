namespace ClinicPortal.Tests.Components;

/// <summary>A clock that stays at one instant, so dates shown on pages can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
