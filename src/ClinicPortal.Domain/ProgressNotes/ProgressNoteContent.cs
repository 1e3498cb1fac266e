namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>The fields a psychologist writes in a progress note, used to create or edit one.</summary>
public sealed record ProgressNoteContent(
    DateTime SessionDateUtc,
    int SessionNumber,
    string Subjective,
    string Objective,
    string Assessment,
    string Plan,
    int? ProgressRating);
