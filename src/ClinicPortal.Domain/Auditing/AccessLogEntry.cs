namespace ClinicPortal.Domain.Auditing;

/// <summary>
/// One read of sensitive data: who, when, which record. Entries are append-only, because database
/// triggers reject updates and deletes. The entry names the record, never its content.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AccessLogAction Action { get; private set; }

    /// <summary>The record read, for example "note 12" or "share 40". For an export, the filters used.</summary>
    public string Subject { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    private AccessLogEntry()
    {
    }

    public AccessLogEntry(string userId, AccessLogAction action, string subject, DateTime occurredAtUtc)
    {
        UserId = userId;
        Action = action;
        Subject = subject;
        OccurredAtUtc = occurredAtUtc;
    }

    public static AccessLogEntry NoteRead(string userId, int noteId, DateTime occurredAtUtc) =>
        new(userId, AccessLogAction.ReadNote, $"note {noteId}", occurredAtUtc);

    public static AccessLogEntry RecipientRevealed(string userId, int shareId, DateTime occurredAtUtc) =>
        new(userId, AccessLogAction.RevealRecipient, $"share {shareId}", occurredAtUtc);

    /// <summary>Records a CSV export of the share log; <paramref name="filters"/> describes what was exported.</summary>
    public static AccessLogEntry ShareLogExported(string userId, string filters, DateTime occurredAtUtc) =>
        new(userId, AccessLogAction.ExportShareLog, filters.Length <= 500 ? filters : filters[..500], occurredAtUtc);
}
