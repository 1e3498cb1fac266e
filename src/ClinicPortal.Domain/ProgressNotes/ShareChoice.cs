namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// The psychologist's decision, at signing, about the update to the emergency contact: share it
/// when the rules allow, or withhold it for the reason given.
/// </summary>
public sealed record ShareChoice(bool Withhold, string? WithheldReason)
{
    public const int MaxWithheldReasonLength = 1_000;

    public static ShareChoice Share { get; } = new(false, null);

    public static ShareChoice WithholdFor(string reason) => new(true, reason);
}
