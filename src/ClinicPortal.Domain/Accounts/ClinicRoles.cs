namespace ClinicPortal.Domain.Accounts;

/// <summary>The three roles of the portal, as stored by ASP.NET Core Identity.</summary>
public static class ClinicRoles
{
    public const string Patient = "Patient";
    public const string Psychologist = "Psychologist";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Patient, Psychologist, Admin];
}
