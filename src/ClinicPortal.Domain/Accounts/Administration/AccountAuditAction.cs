namespace ClinicPortal.Domain.Accounts;

/// <summary>A change an admin made to an account, as the account audit log records it.</summary>
public enum AccountAuditAction
{
    Created,
    Disabled,
    Enabled,
    RolesChanged,
    Renamed,
    Unlocked,

    /// <summary>A one-time link to set the password was issued to the admin.</summary>
    PasswordLinkIssued,
}
