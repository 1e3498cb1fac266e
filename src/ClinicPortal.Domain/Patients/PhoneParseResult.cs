namespace ClinicPortal.Domain.Patients;

/// <summary>The outcome of parsing a phone number: the E.164 form or an error message.</summary>
public sealed record PhoneParseResult(string? E164, string? Error)
{
    public bool IsValid => E164 is not null;

    public static PhoneParseResult Valid(string e164) => new(e164, null);

    public static PhoneParseResult Invalid(string error) => new(null, error);
}
