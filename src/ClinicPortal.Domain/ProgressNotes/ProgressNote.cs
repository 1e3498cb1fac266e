using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>A SOAP progress note written by a psychologist after a session.</summary>
public sealed class ProgressNote
{
    public int Id { get; private set; }

    public int PatientId { get; private set; }

    /// <summary>Identity user id of the psychologist who wrote the note.</summary>
    public string PsychologistId { get; private set; } = "";

    public DateTime SessionDateUtc { get; private set; }

    public int SessionNumber { get; private set; }

    public string Subjective { get; private set; } = "";

    public string Objective { get; private set; } = "";

    public string Assessment { get; private set; } = "";

    public string Plan { get; private set; } = "";

    /// <summary>Progress rating from 1 to 10, or null when the psychologist gave none.</summary>
    public int? ProgressRating { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The single share record decided when the note was created.</summary>
    public ProgressShare? Share { get; internal set; }

    private ProgressNote()
    {
    }

    internal static ProgressNote Create(int patientId, string psychologistId, ProgressNoteContent content, DateTime nowUtc)
    {
        var note = new ProgressNote { PatientId = patientId, PsychologistId = psychologistId, CreatedAtUtc = nowUtc };
        note.Apply(content, nowUtc);
        return note;
    }

    /// <summary>Replaces the content. Editing never shares the note again.</summary>
    internal void Edit(ProgressNoteContent content, DateTime nowUtc) => Apply(content, nowUtc);

    private void Apply(ProgressNoteContent content, DateTime nowUtc)
    {
        SessionDateUtc = content.SessionDateUtc;
        SessionNumber = content.SessionNumber;
        Subjective = content.Subjective;
        Objective = content.Objective;
        Assessment = content.Assessment;
        Plan = content.Plan;
        ProgressRating = content.ProgressRating;
        UpdatedAtUtc = nowUtc;
    }
}
