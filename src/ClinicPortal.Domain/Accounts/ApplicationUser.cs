using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Domain.Accounts;

/// <summary>A sign-in account: a patient, a psychologist or an admin.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to other users, for example "Dr Ava Patel" for staff.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";
}
