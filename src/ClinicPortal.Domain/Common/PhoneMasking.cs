using System.Text.RegularExpressions;

namespace ClinicPortal.Domain.Common;

/// <summary>Masks phone numbers for logs and screens: only the last three digits stay visible.</summary>
public static partial class PhoneMasking
{
    public static string Mask(string? phoneNumber)
    {
        if (string.IsNullOrEmpty(phoneNumber))
        {
            return "";
        }

        const int visibleDigits = 3;
        if (phoneNumber.Length <= visibleDigits)
        {
            return new string('*', phoneNumber.Length);
        }

        return new string('*', phoneNumber.Length - visibleDigits) + phoneNumber[^visibleDigits..];
    }

    /// <summary>Masks every run of seven or more digits (with optional +, spaces or dashes) in a free text.</summary>
    public static string RedactNumbers(string text) =>
        PhoneNumberPattern().Replace(text, match => Mask(match.Value));

    [GeneratedRegex(@"\+?\d(?:[\d \-]{5,}\d)")]
    private static partial Regex PhoneNumberPattern();
}
