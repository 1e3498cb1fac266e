namespace ClinicPortal.Domain.Patients;

/// <summary>A patient in the admin's list: name and sharing state.</summary>
public sealed record PatientDirectoryEntry(int Id, string FirstName, string LastName, bool ShareProgressWithEmergencyContact, string? ConsentVersion)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}
