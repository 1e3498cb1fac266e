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
}
