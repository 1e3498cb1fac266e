namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// The outcome of recomputing a signed note's hashes. <see cref="NoteMatches"/> is null when the
/// note has no stored hash, because it was signed before notes were hashed.
/// </summary>
public sealed record RecordVerification(int NoteId, bool? NoteMatches, IReadOnlyList<int> MismatchedAddendumIds, int AddendumCount)
{
    public bool IsIntact => NoteMatches != false && MismatchedAddendumIds.Count == 0;
}
