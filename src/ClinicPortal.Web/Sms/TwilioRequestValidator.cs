using Microsoft.Extensions.Options;
using Twilio.Security;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Checks the X-Twilio-Signature header of a webhook request against the auth token and the
/// public address Twilio called, which is configured because a proxy may change the address.
/// </summary>
internal sealed class TwilioRequestValidator(IOptions<TwilioOptions> options)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>Returns whether the request carries a valid signature for <paramref name="publicUrl"/>.</summary>
    public bool IsValid(HttpRequest request, IFormCollection form, Uri? publicUrl)
    {
        var authToken = options.Value.AuthToken;
        var signature = request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrEmpty(authToken) || publicUrl is null || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString());
        return new RequestValidator(authToken).Validate(publicUrl.AbsoluteUri, parameters, signature);
    }
}
