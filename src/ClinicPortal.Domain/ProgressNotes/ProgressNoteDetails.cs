using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// A whole note, for the psychologist who treats the patient: content, who wrote and signed it,
/// its hash, its share (with the psychologist's reason when withheld) and its addenda, oldest first.
/// </summary>
public sealed record ProgressNoteDetails(
    int Id,
    int PatientId,
    ProgressNoteContent Content,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    ShareStatus? ShareStatus,
    ShareReason? ShareReason)
{
    /// <summary>Identity user id of the psychologist who started the note.</summary>
    public string AuthorUserId { get; init; } = "";

    public DateTime? SignedAtUtc { get; init; }

    /// <summary>Email of the psychologist who signed the note.</summary>
    public string? SignedBy { get; init; }

    public string? ContentHash { get; init; }

    public string? WithheldReason { get; init; }

    public IReadOnlyList<AddendumDetails> Addenda { get; init; } = [];

    public bool IsSigned => SignedAtUtc is not null;
}
