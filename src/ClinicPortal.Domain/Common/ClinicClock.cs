using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Common;

/// <summary>
/// Converts between UTC, in which every date is stored, and the clinic's time zone, in which
/// dates are entered and shown. The current time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class ClinicClock(TimeProvider timeProvider, IOptions<ClinicOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;

    public DateTime ToClinicTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>
    /// Converts a wall-clock time entered in the clinic to UTC. A time inside the hour skipped when
    /// daylight saving starts (02:00 to 03:00 in Sydney) is moved forward past the gap, and an
    /// ambiguous time when it ends is read as standard time.
    /// </summary>
    public DateTime ToUtc(DateTime clinicTime)
    {
        var local = DateTime.SpecifyKind(clinicTime, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }
}
