using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Domain.Common;

/// <summary>Settings of the clinic itself, bound from the "Clinic" section.</summary>
public sealed class ClinicOptions
{
    public const string SectionName = "Clinic";

    /// <summary>IANA time zone in which dates are entered and shown.</summary>
    [Required]
    public string TimeZone { get; set; } = "Australia/Sydney";
}
