using System.ComponentModel.DataAnnotations;

namespace ClinicPortal.Domain.Common;

/// <summary>Settings of the clinic itself, bound from the "Clinic" section.</summary>
public sealed class ClinicOptions
{
    public const string SectionName = "Clinic";

    /// <summary>IANA time zone in which dates are entered and shown.</summary>
    [Required]
    public string TimeZone { get; set; } = "Australia/Sydney";

    /// <summary>The clinic's name, which signs each SMS when set.</summary>
    [MaxLength(60)]
    public string? Name { get; set; }

    /// <summary>The clinic's phone number, added to the SMS signature when <see cref="Name"/> is also set.</summary>
    [MaxLength(30)]
    public string? Phone { get; set; }
}
