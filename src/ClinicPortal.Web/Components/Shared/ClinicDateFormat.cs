using System.Globalization;
using ClinicPortal.Domain.Common;

namespace ClinicPortal.Web.Components.Shared;

/// <summary>Formats stored UTC times for display in the clinic's time zone, in Australian English.</summary>
internal static class ClinicDateFormat
{
    private static readonly CultureInfo Australian = CultureInfo.GetCultureInfo("en-AU");

    /// <summary>The culture of dates shown and entered: Australian English.</summary>
    public static CultureInfo Culture => Australian;

    /// <summary>Formats as a long date, for example "4 December 2026".</summary>
    public static string Date(ClinicClock clock, DateTime utc) =>
        clock.ToClinicTime(utc).ToString("d MMMM yyyy", Australian);

    /// <summary>Formats as a short date and time, for example "04/12/2026 2:30 pm".</summary>
    public static string DateTime(ClinicClock clock, DateTime utc) =>
        clock.ToClinicTime(utc).ToString("dd/MM/yyyy h:mm tt", Australian);
}
