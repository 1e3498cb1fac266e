namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>Raised on an attempt to change or delete a signed note, which only takes addenda.</summary>
public sealed class NoteLockedException(int noteId)
    : Exception($"Progress note {noteId} is signed, so it cannot be changed or deleted. Add an addendum to correct it.")
{
    public int NoteId { get; } = noteId;
}
