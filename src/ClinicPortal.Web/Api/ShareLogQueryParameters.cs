using System.Globalization;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Api;

/// <summary>
/// The share log's query string: status, reason, patient, psychologist, from, to, search and
/// ordering, read into the domain's filter and order and written back for the export link.
/// Dates are ISO 8601: a date alone is a whole day in the clinic's time zone, a time without an
/// offset is clinic time, and a time with Z or an offset is that instant.
/// </summary>
internal static class ShareLogQueryParameters
{
    public static readonly IReadOnlyDictionary<string, ShareLogSort> Orderings = new Dictionary<string, ShareLogSort>
    {
        ["created_at"] = new(ShareLogSortColumn.CreatedAt, Descending: false),
        ["-created_at"] = new(ShareLogSortColumn.CreatedAt, Descending: true),
        ["patient_name"] = new(ShareLogSortColumn.PatientName, Descending: false),
        ["-patient_name"] = new(ShareLogSortColumn.PatientName, Descending: true),
        ["status"] = new(ShareLogSortColumn.Status, Descending: false),
        ["-status"] = new(ShareLogSortColumn.Status, Descending: true),
    };

    /// <summary>Reads the parameters; raises a validation error naming each invalid one.</summary>
    public static (ShareLogFilter Filter, ShareLogSort Sort) Parse(IQueryCollection query, ClinicClock clock)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new ShareLogFilter
        {
            Status = ParseEnum<ShareStatus>(query, "status", errors),
            Reason = ParseEnum<ShareReason>(query, "reason", errors),
            PatientId = ParsePatient(query, errors),
            PsychologistUserId = Value(query, "psychologist"),
            FromUtc = ParseDate(query, "from", clock, endOfDay: false, errors),
            ToUtc = ParseDate(query, "to", clock, endOfDay: true, errors),
            Search = Value(query, "search"),
        };

        var sort = ShareLogSort.NewestFirst;
        if (Value(query, "ordering") is { } ordering && !Orderings.TryGetValue(ordering, out sort!))
        {
            errors["Ordering"] = [$"'{ordering}' is not a known ordering. Use one of: {string.Join(", ", Orderings.Keys)}."];
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return (filter, sort);
    }

    /// <summary>Writes the filter and order as a query string that <see cref="Parse"/> reads back to the same values.</summary>
    public static string ToQueryString(ShareLogFilter filter, ShareLogSort sort)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["status"] = filter.Status is { } status ? ToSnakeCase(status.ToString()) : null,
            ["reason"] = filter.Reason is { } reason ? ToSnakeCase(reason.ToString()) : null,
            ["patient"] = filter.PatientId?.ToString(CultureInfo.InvariantCulture),
            ["psychologist"] = filter.PsychologistUserId,
            ["from"] = filter.FromUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["to"] = filter.ToUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["search"] = filter.Search,
            ["ordering"] = Orderings.First(pair => pair.Value == sort).Key,
        };

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private static TEnum? ParseEnum<TEnum>(IQueryCollection query, string name, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        var match = Enum.GetValues<TEnum>().Where(value => ToSnakeCase(value.ToString()) == text.ToLowerInvariant() || value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 1)
        {
            return match[0];
        }

        var names = string.Join(", ", Enum.GetValues<TEnum>().Select(value => ToSnakeCase(value.ToString())));
        errors[char.ToUpperInvariant(name[0]) + name[1..]] = [$"'{text}' is not a valid {name}. Use one of: {names}."];
        return null;
    }

    private static int? ParsePatient(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        if (Value(query, "patient") is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors["Patient"] = [$"'{text}' is not a patient id. Enter a whole number of 1 or more."];
        return null;
    }

    private static DateTime? ParseDate(IQueryCollection query, string name, ClinicClock clock, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // "to" names the last day included, so the range ends at the start of the next day.
            var day = endOfDay ? date.AddDays(1) : date;
            return clock.ToUtc(day.ToDateTime(TimeOnly.MinValue));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            && text.Contains('T', StringComparison.Ordinal))
        {
            var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal);
            return hasOffset ? instant.UtcDateTime : clock.ToUtc(instant.DateTime);
        }

        errors[char.ToUpperInvariant(name[0]) + name[1..]] =
            [$"'{text}' is not an ISO 8601 date. Use a date such as 2025-04-06, or a time such as 2025-04-06T02:30:00+10:00."];
        return null;
    }

    public static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
