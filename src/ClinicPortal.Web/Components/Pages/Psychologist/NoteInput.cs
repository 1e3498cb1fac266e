using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;

namespace ClinicPortal.Web.Components.Pages.Psychologist;

/// <summary>
/// What the psychologist types in the note editor. The session date and time are wall-clock
/// values in the clinic's time zone until <see cref="ToContent"/> converts them to UTC.
/// </summary>
public sealed class NoteInput
{
    /// <summary>The command properties the editor has an input for, so it can show messages of any others apart.</summary>
    internal static readonly IReadOnlyCollection<string> FieldNames =
    [
        nameof(ProgressNoteContent.SessionDateUtc),
        nameof(ProgressNoteContent.SessionNumber),
        nameof(ProgressNoteContent.ProgressRating),
        nameof(ProgressNoteContent.Subjective),
        nameof(ProgressNoteContent.Objective),
        nameof(ProgressNoteContent.Assessment),
        nameof(ProgressNoteContent.Plan),
    ];

    public DateTime? SessionDate { get; set; }

    public TimeSpan? SessionTime { get; set; }

    public int SessionNumber { get; set; }

    public string Subjective { get; set; } = "";

    public string Objective { get; set; } = "";

    public string Assessment { get; set; } = "";

    public string Plan { get; set; } = "";

    public int? ProgressRating { get; set; }

    /// <summary>Starts a new note at the current minute in the clinic, with the proposed session number.</summary>
    internal static NoteInput ForNewNote(ClinicClock clock, int nextSessionNumber)
    {
        var now = clock.ToClinicTime(clock.UtcNow);
        return new NoteInput
        {
            SessionDate = now.Date,
            SessionTime = new TimeSpan(now.Hour, now.Minute, 0),
            SessionNumber = nextSessionNumber,
        };
    }

    internal static NoteInput From(ProgressNoteContent content, ClinicClock clock)
    {
        var session = clock.ToClinicTime(content.SessionDateUtc);
        return new NoteInput
        {
            SessionDate = session.Date,
            SessionTime = session.TimeOfDay,
            SessionNumber = content.SessionNumber,
            Subjective = content.Subjective,
            Objective = content.Objective,
            Assessment = content.Assessment,
            Plan = content.Plan,
            ProgressRating = content.ProgressRating,
        };
    }

    /// <summary>
    /// Builds the command. Raises <see cref="DomainValidationException"/> on SessionDateUtc when the
    /// date or time is missing, or when the time does not exist in the clinic's time zone because
    /// clocks go forward then.
    /// </summary>
    internal ProgressNoteContent ToContent(ClinicClock clock)
    {
        const string field = nameof(ProgressNoteContent.SessionDateUtc);
        if (SessionDate is not { } date || SessionTime is not { } time)
        {
            throw DomainValidationException.ForField(field, "Enter the session date and time.");
        }

        DateTime sessionUtc;
        try
        {
            sessionUtc = clock.ToUtc(date.Date + time);
        }
        catch (ArgumentException)
        {
            throw DomainValidationException.ForField(field, "That time does not exist in the clinic's time zone because clocks go forward then. Enter the time as shown on the clinic's clocks.");
        }

        return new ProgressNoteContent(sessionUtc, SessionNumber, Subjective, Objective, Assessment, Plan, ProgressRating);
    }
}
