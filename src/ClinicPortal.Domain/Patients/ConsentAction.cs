namespace ClinicPortal.Domain.Patients;

/// <summary>What a consent history entry records.</summary>
public enum ConsentAction
{
    Granted,
    Withdrawn,
}
