namespace ClinicPortal.Domain.Accounts;

/// <summary>A staff account to create: its email, the name others see, and its roles (Psychologist, Admin or both).</summary>
public sealed record CreateAccount(string Email, string DisplayName, IReadOnlyList<string> Roles);
