using System.Globalization;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Builds the SMS text sent to an emergency contact. It contains the patient's name, the session
/// date, the rating and the start of the subjective and of the plan. The objective and the
/// assessment are never part of it.
/// </summary>
public static class ProgressSummaryBuilder
{
    public const int MaxExcerptLength = 200;

    private const string Footer = "This is an automated update. If you have concerns, please contact the clinic directly.";

    public static string Build(ProgressSummaryInput input, TimeZoneInfo clinicTimeZone) =>
        Build(input, clinicTimeZone, SenderIdentity.None);

    /// <summary>Builds the text, signed with the clinic's name (and phone) when the sender identity has them.</summary>
    public static string Build(ProgressSummaryInput input, TimeZoneInfo clinicTimeZone, SenderIdentity sender)
    {
        var sessionDate = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(input.SessionDateUtc, DateTimeKind.Utc), clinicTimeZone);
        var lines = new List<string>
        {
            $"Progress Update for {SmsText.ToPlainPunctuation(input.PatientName)}",
            "",
            // The invariant culture has English month names, so the text never depends on the server's culture.
            "Session Date: " + sessionDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        };

        if (input.ProgressRating is { } rating)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Progress Rating: {rating}/10"));
        }

        AddSection(lines, "General Update:", input.Subjective);
        AddSection(lines, "Next Steps:", input.Plan);

        lines.Add("");
        lines.Add("---");
        lines.Add(BuildFooter(sender));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Returns the first 200 user-perceived characters of the text in plain GSM-7 punctuation,
    /// with whitespace runs collapsed, and "..." when it was cut.
    /// </summary>
    public static string Excerpt(string text)
    {
        var plain = SmsText.CollapseWhitespace(SmsText.ToPlainPunctuation(text));

        var elements = new StringInfo(plain);
        if (elements.LengthInTextElements <= MaxExcerptLength)
        {
            return plain;
        }

        return elements.SubstringByTextElements(0, MaxExcerptLength).TrimEnd() + "...";
    }

    private static string BuildFooter(SenderIdentity sender)
    {
        if (string.IsNullOrWhiteSpace(sender.ClinicName))
        {
            return Footer;
        }

        var name = SmsText.ToPlainPunctuation(sender.ClinicName.Trim());
        var contact = string.IsNullOrWhiteSpace(sender.ClinicPhone) ? "" : " on " + sender.ClinicPhone.Trim();
        return $"This is an automated update from {name}. If you have concerns, please contact the clinic directly{contact}.";
    }

    private static void AddSection(List<string> lines, string heading, string text)
    {
        var excerpt = Excerpt(text);
        if (excerpt.Length == 0)
        {
            return;
        }

        lines.Add("");
        lines.Add(heading);
        lines.Add(excerpt);
    }
}
