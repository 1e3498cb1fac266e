namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// A correction to a signed note: text, author and time, signed and hashed when added. Database
/// triggers reject any update or delete, and addenda are never shared.
/// </summary>
public sealed class ProgressNoteAddendum
{
    public const int MaxTextLength = ProgressNoteValidator.MaxFieldLength;

    public int Id { get; private set; }

    public int NoteId { get; private set; }

    public string AuthorUserId { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>When the addendum was added and signed.</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>SHA-256 of the note's hash, the author, the time and the text, in lowercase hex.</summary>
    public string ContentHash { get; private set; } = "";

    private ProgressNoteAddendum()
    {
    }

    internal ProgressNoteAddendum(int noteId, string authorUserId, string text, DateTime createdAtUtc, string noteHash)
    {
        NoteId = noteId;
        AuthorUserId = authorUserId;
        Text = text;
        CreatedAtUtc = createdAtUtc;
        ContentHash = RecordHashing.HashAddendum(noteHash, this);
    }
}
