namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>The id of a saved draft and when it was saved.</summary>
public sealed record DraftSaved(int NoteId, DateTime SavedAtUtc);
