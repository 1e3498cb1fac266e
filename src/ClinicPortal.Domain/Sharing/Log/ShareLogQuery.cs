using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>The share log's filters and orders as database queries, shared by the list and the export.</summary>
internal static class ShareLogQuery
{
    /// <summary>
    /// Applies the filters. Every filter is a condition on ProgressShares or a subquery, never a
    /// join, so the count reads one table and its indexes.
    /// </summary>
    public static IQueryable<ProgressShare> Filter(ClinicDbContext db, ShareLogFilter filter)
    {
        var shares = db.ProgressShares.AsNoTracking();
        if (filter.Status is { } status)
        {
            shares = shares.Where(s => s.Status == status);
        }

        if (filter.Reason is { } reason)
        {
            shares = shares.Where(s => s.Reason == reason);
        }

        if (filter.PatientId is { } patientId)
        {
            shares = shares.Where(s => s.PatientId == patientId);
        }

        if (!string.IsNullOrEmpty(filter.PsychologistUserId))
        {
            shares = shares.Where(s => s.PsychologistId == filter.PsychologistUserId);
        }

        if (filter.FromUtc is { } from)
        {
            shares = shares.Where(s => s.CreatedAtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            shares = shares.Where(s => s.CreatedAtUtc < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // SQLite's LIKE ignores case for ASCII letters only, so "ÉMILE" does not find "Émile".
            var pattern = "%" + EscapeLike(filter.Search.Trim()) + "%";
            var patientIds = db.Patients
                .Where(p => EF.Functions.Like(p.FirstName, pattern, "\\")
                    || EF.Functions.Like(p.LastName, pattern, "\\")
                    || EF.Functions.Like(p.FirstName + " " + p.LastName, pattern, "\\"))
                .Select(p => p.Id);
            shares = shares.Where(s => patientIds.Contains(s.PatientId));
        }

        return shares;
    }

    /// <summary>Orders the shares and adds the patient's name. Ties fall back to newest first, then the highest id, so paging is stable.</summary>
    public static IQueryable<ShareRow> OrderWithNames(ClinicDbContext db, IQueryable<ProgressShare> shares, ShareLogSort sort)
    {
        var rows = shares.Join(
            db.Patients,
            s => s.PatientId,
            p => p.Id,
            (share, patient) => new ShareRow { Share = share, FirstName = patient.FirstName, LastName = patient.LastName });

        // The primary key breaks ties, so the (CreatedAtUtc) index, which ends in the row id, serves the order without a sort.
        if (sort.Column == ShareLogSortColumn.CreatedAt)
        {
            return sort.Descending
                ? rows.OrderByDescending(row => row.Share.CreatedAtUtc).ThenByDescending(row => row.Share.Id)
                : rows.OrderBy(row => row.Share.CreatedAtUtc).ThenBy(row => row.Share.Id);
        }

        var ordered = (sort.Column, sort.Descending) switch
        {
            (ShareLogSortColumn.PatientName, false) => rows.OrderBy(row => row.LastName).ThenBy(row => row.FirstName),
            (ShareLogSortColumn.PatientName, true) => rows.OrderByDescending(row => row.LastName).ThenByDescending(row => row.FirstName),
            // Status orders by its name, as stored.
            (ShareLogSortColumn.Status, false) => rows.OrderBy(row => row.Share.Status),
            (ShareLogSortColumn.Status, true) => rows.OrderByDescending(row => row.Share.Status),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort.Column, "Unknown share log column."),
        };

        return ordered.ThenByDescending(row => row.Share.CreatedAtUtc).ThenByDescending(row => row.Share.Id);
    }

    public static ShareLogEntry ToEntry(ShareRow row) => new(
        row.Share.Id,
        row.Share.NoteId,
        row.Share.PatientId,
        $"{row.FirstName} {row.LastName}".Trim(),
        PhoneMasking.Mask(row.Share.RecipientPhone),
        row.Share.Status,
        row.Share.Reason,
        row.Share.ErrorCode,
        row.Share.ErrorMessage,
        row.Share.ProviderMessageId,
        row.Share.Segments,
        row.Share.Message,
        row.Share.CreatedAtUtc,
        row.Share.SentAtUtc,
        row.Share.WithheldReason);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    // A class with init properties rather than a positional record, because EF Core translates
    // member access after a member-init projection but not after a constructor call.
    internal sealed class ShareRow
    {
        public required ProgressShare Share { get; init; }

        public required string FirstName { get; init; }

        public required string LastName { get; init; }
    }
}
