namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The filters of the admin share log and its CSV export. Every filter is optional, and set
/// filters all apply. <see cref="FromUtc"/> is inclusive and <see cref="ToUtc"/> exclusive.
/// </summary>
public sealed record ShareLogFilter
{
    public const int MaxSearchLength = 100;

    public static readonly ShareLogFilter None = new();

    public ShareStatus? Status { get; init; }

    public ShareReason? Reason { get; init; }

    public int? PatientId { get; init; }

    /// <summary>Identity user id of the psychologist who wrote the shared note.</summary>
    public string? PsychologistUserId { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    /// <summary>Text found anywhere in the patient's first name, last name or "first last".</summary>
    public string? Search { get; init; }

    /// <summary>Describes the set filters for the access log, for example "status=Failed; from=2025-04-01T00:00:00Z".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, "status", Status?.ToString());
        Add(parts, "reason", Reason?.ToString());
        Add(parts, "patient", PatientId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "psychologist", PsychologistUserId);
        Add(parts, "from", FromUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "to", ToUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "search", Search);
        return parts.Count == 0 ? "all shares" : string.Join("; ", parts);
    }

    /// <summary>Names the filters that are set, without their values, for the application log: a search can be a patient's name.</summary>
    public string DescribeForLog()
    {
        (string Name, bool IsSet)[] filters =
        [
            ("status", Status is not null),
            ("reason", Reason is not null),
            ("patient", PatientId is not null),
            ("psychologist", PsychologistUserId is not null),
            ("from", FromUtc is not null),
            ("to", ToUtc is not null),
            ("search", Search is not null),
        ];

        var set = filters.Where(filter => filter.IsSet).Select(filter => filter.Name).ToList();
        return set.Count == 0 ? "none" : string.Join(", ", set);
    }

    internal void Validate()
    {
        var errors = new Common.ValidationErrors();
        if (FromUtc is { } from && ToUtc is { } to && from >= to)
        {
            errors.Add(nameof(ToUtc), "Enter an end of the date range that is after its start.");
        }

        if (Search is { Length: > MaxSearchLength })
        {
            errors.Add(nameof(Search), $"Enter a search text of at most {MaxSearchLength} characters.");
        }

        errors.ThrowIfAny();
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={value}");
        }
    }
}
