using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Domain.Accounts;

/// <summary>A sign-in account: a patient, a psychologist or an admin.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to other users, for example "Dr Ava Patel" for staff.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// When an admin disabled the account, or null while it is active. A disabled account cannot
    /// sign in, and every domain service rejects its actions.
    /// </summary>
    public DateTime? DisabledAtUtc { get; set; }
}
