using PhoneNumbers;

namespace ClinicPortal.Domain.Patients;

/// <summary>
/// Parses emergency contact numbers as people type them (default region AU) into E.164, and
/// accepts only numbers that can receive SMS: those libphonenumber rates valid and of type
/// MOBILE or FIXED_LINE_OR_MOBILE.
/// </summary>
public static class PhoneNumberParser
{
    public const string DefaultRegion = "AU";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the E.164 form, or an error message that names the problem and the fix.</summary>
    public static PhoneParseResult ParseMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PhoneParseResult.Invalid("Enter a mobile number, for example 0491 570 156.");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return PhoneParseResult.Invalid($"'{input}' is not a phone number. Enter a mobile number, for example 0491 570 156.");
        }

        if (number.HasExtension)
        {
            return PhoneParseResult.Invalid($"'{input}' has an extension, which SMS cannot reach. Enter the mobile number without it.");
        }

        if (!Util.IsValidNumber(number))
        {
            return PhoneParseResult.Invalid($"'{input}' is not a valid phone number: check the number of digits.");
        }

        var type = Util.GetNumberType(number);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return PhoneParseResult.Invalid($"'{input}' is not a mobile number, so it cannot receive SMS. Enter a mobile number.");
        }

        return PhoneParseResult.Valid(Util.Format(number, PhoneNumberFormat.E164));
    }
}
