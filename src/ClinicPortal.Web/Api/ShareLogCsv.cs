using System.Globalization;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;
using CsvHelper;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Writes the share log as CSV while rows arrive from the database, so an export of a million
/// shares never keeps the list in memory. The SMS text is left out: the file leaves the portal,
/// and the detail view shows the text to admins who need it. Free text goes through
/// <see cref="CsvCells"/>, so no cell runs as a spreadsheet formula.
/// </summary>
internal static partial class ShareLogCsv
{
    public const string FileName = "share-log.csv";

    public static async Task WriteAsync(HttpContext context, IAsyncEnumerable<ShareLogEntry> entries, ClinicClock clock)
    {
        // Reading the first row runs the access check and records the export, so a rejected
        // request still gets its ProblemDetails response before any CSV is written.
        await using var rows = entries.GetAsyncEnumerator(context.RequestAborted);
        var hasFirst = await rows.MoveNextAsync();

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions(), leaveOpen: true);
        await csv.WriteRecordsAsync(Remaining(rows, hasFirst).Select(entry => ShareLogCsvRow.From(entry, clock)), context.RequestAborted);
        await csv.FlushAsync(context.RequestAborted);
    }

    private static async IAsyncEnumerable<ShareLogEntry> Remaining(IAsyncEnumerator<ShareLogEntry> rows, bool hasFirst)
    {
        if (!hasFirst)
        {
            yield break;
        }

        yield return rows.Current;
        while (await rows.MoveNextAsync())
        {
            yield return rows.Current;
        }
    }

    /// <summary>One exported share. Times are UTC in ISO 8601, and <see cref="CreatedClinicTime"/> repeats the creation time in the clinic's time zone.</summary>
    [CsvRecord]
    internal sealed partial record ShareLogCsvRow(
        int Id,
        string CreatedAt,
        string CreatedClinicTime,
        string? SentAt,
        int PatientId,
        string Patient,
        string Recipient,
        ShareStatus Status,
        ShareReason? Reason,
        string? ErrorCode,
        string? ErrorMessage,
        int? Segments)
    {
        public static ShareLogCsvRow From(ShareLogEntry entry, ClinicClock clock) => new(
            entry.Id,
            FormatUtc(entry.CreatedAtUtc),
            clock.ToClinicTime(entry.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            entry.SentAtUtc is { } sent ? FormatUtc(sent) : null,
            entry.PatientId,
            CsvCells.Text(entry.PatientName)!,
            CsvCells.Text(entry.Recipient)!,
            entry.Status,
            entry.Reason,
            CsvCells.Text(entry.ErrorCode),
            CsvCells.Text(entry.ErrorMessage),
            entry.Segments);

        private static string FormatUtc(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
