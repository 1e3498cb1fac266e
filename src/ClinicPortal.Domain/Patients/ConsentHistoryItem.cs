namespace ClinicPortal.Domain.Patients;

/// <summary>One consent history entry as people read it, with the name of the user who recorded it.</summary>
public sealed record ConsentHistoryItem(
    DateTime RecordedAtUtc,
    ConsentAction Action,
    string Version,
    ConsentMethod Method,
    string RecordedBy,
    string? Note);
