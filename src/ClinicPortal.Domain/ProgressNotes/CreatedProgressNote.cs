using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>The saved note and what was decided about sharing it.</summary>
public sealed record CreatedProgressNote(int NoteId, int ShareId, ShareStatus ShareStatus, ShareReason? ShareReason);
