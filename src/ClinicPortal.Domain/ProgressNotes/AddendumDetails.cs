namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>An addendum as shown under its note, with the author's email.</summary>
public sealed record AddendumDetails(int Id, string Author, DateTime CreatedAtUtc, string Text, string ContentHash);
