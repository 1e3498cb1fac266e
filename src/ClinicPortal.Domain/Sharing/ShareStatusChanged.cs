namespace ClinicPortal.Domain.Sharing;

/// <summary>A share's new status after a send, with the error code when it failed.</summary>
public sealed record ShareStatusChanged(int ShareId, int NoteId, ShareStatus Status, ShareReason? Reason, string? ErrorCode);
