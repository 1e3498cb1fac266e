using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Consent;

/// <summary>Stops the app at start when the consent version in force has no text, because patients could not read what they agree to.</summary>
internal sealed class ConsentTextValidation(ConsentTextCatalog catalog) : IValidateOptions<ProgressSharingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProgressSharingOptions options)
    {
        if (catalog.Contains(options.ConsentVersion))
        {
            return ValidateOptionsResult.Success;
        }

        var available = catalog.Versions.Count == 0 ? "none" : string.Join(", ", catalog.Versions.Order());
        return ValidateOptionsResult.Fail(
            $"ProgressSharing:ConsentVersion is {options.ConsentVersion}, but {ConsentTextCatalog.FolderName}/{options.ConsentVersion}.md is missing. " +
            $"Add the consent text for that version, or set ProgressSharing:ConsentVersion to a version that has one (available: {available}).");
    }
}
