using System.Text;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Text clean-up for SMS: word-processor punctuation to GSM-7, and whitespace runs to one space.</summary>
public static class SmsText
{
    private static readonly Dictionary<char, string> PlainForms = new()
    {
        ['\u2018'] = "'",
        ['\u2019'] = "'",
        ['\u201B'] = "'",
        ['\u201C'] = "\"",
        ['\u201D'] = "\"",
        ['\u201F'] = "\"",
        ['\u2013'] = "-",
        ['\u2014'] = "-",
        ['\u2212'] = "-",
        ['\u2026'] = "...",
        ['\u00A0'] = " ",
        ['\u2009'] = " ",
        ['\u202F'] = " ",
    };

    public static string ToPlainPunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (PlainForms.TryGetValue(character, out var plain))
            {
                builder.Append(plain);
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Replaces every run of whitespace with one space, drops other control characters such as
    /// NUL, which a phone would show as boxes or not at all, and trims both ends.
    /// </summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inWhitespace = false;
        foreach (var character in text)
        {
            if (char.IsControl(character) && !char.IsWhiteSpace(character))
            {
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                inWhitespace = true;
                continue;
            }

            if (inWhitespace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            inWhitespace = false;
            builder.Append(character);
        }

        return builder.ToString();
    }
}
