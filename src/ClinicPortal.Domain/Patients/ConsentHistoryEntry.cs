namespace ClinicPortal.Domain.Patients;

/// <summary>
/// One grant or withdrawal of consent. The table is append-only: database triggers reject
/// updates and deletes.
/// </summary>
public sealed class ConsentHistoryEntry
{
    public long Id { get; private set; }

    public int PatientId { get; private set; }

    public ConsentAction Action { get; private set; }

    /// <summary>Consent version granted, or the version that was in force when consent was withdrawn.</summary>
    public string Version { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Identity user id of the user who recorded the change: the patient, or a staff member on their behalf.</summary>
    public string RecordedByUserId { get; private set; } = "";

    public ConsentMethod Method { get; private set; }

    /// <summary>How consent was obtained or withdrawn, in the recorder's words. Required when staff record it.</summary>
    public string? Note { get; private set; }

    private ConsentHistoryEntry()
    {
    }

    internal ConsentHistoryEntry(
        int patientId, ConsentAction action, string version, DateTime recordedAtUtc, string recordedByUserId, ConsentMethod method, string? note)
    {
        Method = method;
        Note = note;
        PatientId = patientId;
        Action = action;
        Version = version;
        RecordedAtUtc = recordedAtUtc;
        RecordedByUserId = recordedByUserId;
    }
}
