namespace ClinicPortal.Domain.Patients;

/// <summary>Links a patient to a psychologist who treats them. A patient can have several.</summary>
public sealed class PatientAssignment
{
    public int PatientId { get; private set; }

    /// <summary>Identity user id of the psychologist.</summary>
    public string PsychologistId { get; private set; } = "";

    public DateTime AssignedAtUtc { get; private set; }

    private PatientAssignment()
    {
    }

    public PatientAssignment(int patientId, string psychologistId, DateTime assignedAtUtc)
    {
        PatientId = patientId;
        PsychologistId = psychologistId;
        AssignedAtUtc = assignedAtUtc;
    }
}
