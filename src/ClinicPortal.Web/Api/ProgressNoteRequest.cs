using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;

namespace ClinicPortal.Web.Api;

/// <summary>
/// The body of a note request. Every property is optional in JSON so that a missing required
/// field gets a field message rather than a bare 400. A session date without an offset is read
/// as clinic time.
/// </summary>
internal sealed record ProgressNoteRequest(
    int? Patient,
    DateTime? SessionDate,
    int? SessionNumber,
    string? Subjective,
    string? Objective,
    string? Assessment,
    string? Plan,
    int? ProgressRating)
{
    public (int PatientId, ProgressNoteContent Content) ToCommand(ClinicClock clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (Patient is null)
        {
            errors["Patient"] = ["Enter the id of the patient the note is about."];
        }

        if (SessionDate is null)
        {
            errors["SessionDate"] = ["Enter the session date and time in ISO 8601, for example 2025-01-19T10:00:00Z."];
        }

        if (SessionNumber is null)
        {
            errors["SessionNumber"] = ["Enter a session number of 1 or more."];
        }

        // A missing field gets a placeholder that passes its own check, so that one response
        // names every invalid field, the missing ones and the invalid ones alike.
        var content = new ProgressNoteContent(
            SessionDate is { } date ? ToUtc(date, clock) : clock.UtcNow,
            SessionNumber ?? 1,
            Subjective ?? "",
            Objective ?? "",
            Assessment ?? "",
            Plan ?? "",
            ProgressRating);
        ProgressNoteValidator.Validate(content, clock, errors);
        return (Patient!.Value, content);
    }

    /// <summary>Applies the fields present in a PATCH body to a note's current content.</summary>
    public ProgressNoteContent MergeInto(ProgressNoteContent current, ClinicClock clock) => new(
        SessionDate is { } date ? ToUtc(date, clock) : current.SessionDateUtc,
        SessionNumber ?? current.SessionNumber,
        Subjective ?? current.Subjective,
        Objective ?? current.Objective,
        Assessment ?? current.Assessment,
        Plan ?? current.Plan,
        ProgressRating ?? current.ProgressRating);

    private static DateTime ToUtc(DateTime value, ClinicClock clock) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => clock.ToUtc(value),
    };
}
