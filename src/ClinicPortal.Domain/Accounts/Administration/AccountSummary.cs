namespace ClinicPortal.Domain.Accounts;

/// <summary>
/// A sign-in account as the admin's account list shows it. <see cref="LockedOutUntilUtc"/> is set
/// while failed sign-ins keep the account locked; <see cref="HasPassword"/> is false until the
/// new user has used their one-time link.
/// </summary>
public sealed record AccountSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTime? LockedOutUntilUtc,
    bool HasPassword);
