namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Counts SMS segments the way carriers split messages (3GPP TS 23.038): GSM-7 text fits 160
/// characters in one segment and 153 per segment when split, and extension characters such as
/// '{' take two. Any character outside GSM-7 turns the whole message into UCS-2: 70 UTF-16 code
/// units in one segment, 67 per segment when split.
/// </summary>
public static class SmsSegments
{
    private const string BasicCharacters =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string ExtensionCharacters = "^{}\\[~]|€\f";

    public static SmsMeasurement Measure(string text)
    {
        var septets = 0;
        foreach (var character in text)
        {
            if (BasicCharacters.Contains(character))
            {
                septets++;
            }
            else if (ExtensionCharacters.Contains(character))
            {
                septets += 2;
            }
            else
            {
                return Measure(SmsEncoding.Ucs2, text.Length, singleLimit: 70, partLimit: 67);
            }
        }

        return Measure(SmsEncoding.Gsm7, septets, singleLimit: 160, partLimit: 153);
    }

    private static SmsMeasurement Measure(SmsEncoding encoding, int units, int singleLimit, int partLimit)
    {
        var segments = units <= singleLimit ? 1 : (units + partLimit - 1) / partLimit;
        return new SmsMeasurement(encoding, units, segments);
    }
}
