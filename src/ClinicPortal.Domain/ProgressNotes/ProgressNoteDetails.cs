using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>A whole note, for the psychologist who treats the patient.</summary>
public sealed record ProgressNoteDetails(
    int Id,
    int PatientId,
    ProgressNoteContent Content,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    ShareStatus? ShareStatus,
    ShareReason? ShareReason);
