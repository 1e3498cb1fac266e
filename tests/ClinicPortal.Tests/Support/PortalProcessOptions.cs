namespace ClinicPortal.Tests.Support;

/// <summary>How <see cref="PortalProcess"/> starts the app: which database file and which settings.</summary>
public sealed class PortalProcessOptions
{
    /// <summary>
    /// Full path of the SQLite database file. Null gives a new file in a temporary folder that is
    /// deleted with the process. A given file is left in place, so a later process can reopen it.
    /// </summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// App settings by configuration key, for example "ProgressSharing:LeaseDuration". They are
    /// passed as environment variables and override the defaults of <see cref="PortalProcess"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
