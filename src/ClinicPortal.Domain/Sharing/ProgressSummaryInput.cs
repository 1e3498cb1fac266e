namespace ClinicPortal.Domain.Sharing;

/// <summary>What the SMS text is built from. Only the fields that may leave the clinic are here.</summary>
public sealed record ProgressSummaryInput(
    string PatientName,
    DateTime SessionDateUtc,
    int? ProgressRating,
    string Subjective,
    string Plan);
