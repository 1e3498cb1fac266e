namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>The progress rating of one signed note, for the trend chart.</summary>
public sealed record RatingPoint(DateTime SessionDateUtc, int SessionNumber, int Rating);
