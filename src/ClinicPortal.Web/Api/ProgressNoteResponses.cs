using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Api;

/// <summary>The JSON bodies the progress note routes return. Note text appears only in <see cref="Note"/>.</summary>
internal static class ProgressNoteResponses
{
    private const string Draft = "draft";
    private const string Signed = "signed";

    internal sealed record Created(int Id, ShareStatus ShareStatus, ShareReason? ShareReason);

    internal sealed record ListRow(
        int Id,
        DateTime SessionDate,
        int SessionNumber,
        int? ProgressRating,
        string Status,
        int AddendumCount,
        ShareStatus? ShareStatus,
        ShareReason? ShareReason)
    {
        public static ListRow From(ProgressNoteSummary note) => new(
            note.Id,
            note.SessionDateUtc,
            note.SessionNumber,
            note.ProgressRating,
            note.IsSigned ? Signed : Draft,
            note.AddendumCount,
            note.ShareStatus,
            note.ShareReason);
    }

    internal sealed record Addendum(int Id, string Author, DateTime CreatedAt, string Text, string ContentHash)
    {
        public static Addendum From(AddendumDetails addendum) =>
            new(addendum.Id, addendum.Author, addendum.CreatedAtUtc, addendum.Text, addendum.ContentHash);
    }

    internal sealed record Note(
        int Id,
        int Patient,
        string Status,
        DateTime SessionDate,
        int SessionNumber,
        string Subjective,
        string Objective,
        string Assessment,
        string Plan,
        int? ProgressRating,
        DateTime? SignedAt,
        string? SignedBy,
        string? ContentHash,
        ShareStatus? ShareStatus,
        ShareReason? ShareReason,
        string? WithheldReason,
        IReadOnlyList<Addendum> Addenda)
    {
        public static Note From(ProgressNoteDetails note) => new(
            note.Id,
            note.PatientId,
            note.IsSigned ? Signed : Draft,
            note.Content.SessionDateUtc,
            note.Content.SessionNumber,
            note.Content.Subjective,
            note.Content.Objective,
            note.Content.Assessment,
            note.Content.Plan,
            note.Content.ProgressRating,
            note.SignedAtUtc,
            note.SignedBy,
            note.ContentHash,
            note.ShareStatus,
            note.ShareReason,
            note.WithheldReason,
            note.Addenda.Select(Addendum.From).ToList());
    }
}
