namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>How to sign a note: the share decision and whether a repeated session number was confirmed.</summary>
public sealed record SignOptions(ShareChoice Share, bool AllowDuplicateSessionNumber = false);
