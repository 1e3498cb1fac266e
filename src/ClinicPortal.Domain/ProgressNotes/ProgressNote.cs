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

    /// <summary>When the note was signed, or null while it is a draft. A signed note never changes.</summary>
    public DateTime? SignedAtUtc { get; private set; }

    /// <summary>Identity user id of the psychologist who signed the note.</summary>
    public string? SignedByUserId { get; private set; }

    /// <summary>SHA-256 of the signed content, in lowercase hex (see <see cref="RecordHashing"/>).</summary>
    public string? ContentHash { get; private set; }

    public bool IsSigned => SignedAtUtc is not null;

    /// <summary>The single share record, decided when the note was signed. A draft has none.</summary>
    public ProgressShare? Share { get; internal set; }

    /// <summary>Corrections added after signing, oldest first once ordered by id.</summary>
    public List<ProgressNoteAddendum> Addenda { get; } = [];

    private ProgressNote()
    {
    }

    public ProgressNoteContent Content =>
        new(SessionDateUtc, SessionNumber, Subjective, Objective, Assessment, Plan, ProgressRating);

    internal static ProgressNote CreateDraft(int patientId, string psychologistId, ProgressNoteContent content, DateTime nowUtc)
    {
        var note = new ProgressNote { PatientId = patientId, PsychologistId = psychologistId, CreatedAtUtc = nowUtc };
        note.Apply(content, nowUtc);
        return note;
    }

    /// <summary>Replaces the content of a draft. Raises <see cref="NoteLockedException"/> once the note is signed.</summary>
    internal void EditDraft(ProgressNoteContent content, DateTime nowUtc)
    {
        EnsureDraft();
        Apply(content, nowUtc);
    }

    /// <summary>Locks the note: records the signer and time and the hash of the content as it is now.</summary>
    internal void Sign(string userId, DateTime nowUtc)
    {
        EnsureDraft();
        SignedAtUtc = nowUtc;
        SignedByUserId = userId;
        UpdatedAtUtc = nowUtc;
        ContentHash = RecordHashing.HashNote(this);
    }

    /// <summary>Adds a signed correction. Only a signed note takes addenda; a draft is edited instead.</summary>
    internal ProgressNoteAddendum AddAddendum(string authorUserId, string text, DateTime nowUtc)
    {
        if (!IsSigned)
        {
            throw new InvalidOperationException($"Progress note {Id} is a draft: edit it instead of adding an addendum.");
        }

        // A note signed before notes were hashed has no hash, so its addenda are chained to an empty one.
        var addendum = new ProgressNoteAddendum(Id, authorUserId, text, nowUtc, ContentHash ?? "");
        Addenda.Add(addendum);
        return addendum;
    }

    /// <summary>Raises <see cref="NoteLockedException"/> when the note is signed.</summary>
    internal void EnsureDraft()
    {
        if (IsSigned)
        {
            throw new NoteLockedException(Id);
        }
    }

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
