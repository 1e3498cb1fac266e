namespace ClinicPortal.Domain.Auditing;

/// <summary>What a user did with a record that the access log keeps.</summary>
public enum AccessLogAction
{
    /// <summary>Opened the body of a progress note, on a page or through the API.</summary>
    ReadNote,

    /// <summary>Revealed the full recipient number of a share.</summary>
    RevealRecipient,

    /// <summary>Exported the share log as CSV.</summary>
    ExportShareLog,
}
