namespace ClinicPortal.Domain.Accounts;

/// <summary>Changes to an account. A null member leaves that part unchanged.</summary>
public sealed record UpdateAccount(IReadOnlyList<string>? Roles = null, bool? Disabled = null, string? DisplayName = null);
