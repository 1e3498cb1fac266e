using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>One row of a patient's note list: no note text.</summary>
public sealed record ProgressNoteSummary(
    int Id,
    DateTime SessionDateUtc,
    int SessionNumber,
    int? ProgressRating,
    bool IsSigned,
    int AddendumCount,
    ShareStatus? ShareStatus,
    ShareReason? ShareReason);
