using System.Security.Cryptography;
using System.Text;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// Computes X-Twilio-Signature as Twilio signs its webhooks: HMAC-SHA1, keyed with the auth
/// token, of the full URL followed by each form field's name and value, sorted by name, in
/// base64. The SDK's RequestValidator can only check a signature, so tests sign with this.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IReadOnlyDictionary<string, string> form)
    {
        var signed = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            signed.Append(name).Append(value);
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(signed.ToString()));
        return Convert.ToBase64String(hash);
    }
}
