namespace ClinicPortal.Domain.Patients;

/// <summary>A psychologist's account as an admin picks it when assigning patients.</summary>
public sealed record PsychologistAccount(string UserId, string DisplayName, string Email)
{
    /// <summary>The display name, or the email when the account has no display name.</summary>
    public string Name => DisplayName.Length > 0 ? DisplayName : Email;
}
