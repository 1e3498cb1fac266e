namespace ClinicPortal.Domain.Sharing;

/// <summary>What an SMS reply did to its sender's opt-out.</summary>
public enum OptOutChange
{
    None,
    OptedOut,
    OptedIn,
}
