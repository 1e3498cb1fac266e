namespace ClinicPortal.Domain.Patients;

/// <summary>A patient's name and the psychologists assigned to treat them, ordered by name.</summary>
public sealed record PatientCareTeam(int PatientId, string FullName, IReadOnlyList<PsychologistAccount> Psychologists);
