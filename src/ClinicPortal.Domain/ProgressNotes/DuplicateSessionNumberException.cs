namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Raised when signing a note whose session number another note of the patient already has. The
/// psychologist may sign it anyway after confirming, with <see cref="SignOptions.AllowDuplicateSessionNumber"/>.
/// </summary>
public sealed class DuplicateSessionNumberException(int patientId, int sessionNumber)
    : Exception($"Patient {patientId} already has a note for session {sessionNumber}. Check the session number, or confirm that this is another note for that session.")
{
    public int SessionNumber { get; } = sessionNumber;
}
