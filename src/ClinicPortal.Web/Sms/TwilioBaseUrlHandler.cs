namespace ClinicPortal.Web.Sms;

/// <summary>
/// Sends the Twilio SDK's requests to <see cref="TwilioOptions.ApiBaseUrl"/>: the SDK always
/// addresses https://api.twilio.com, so the scheme, host and port are replaced on the way out.
/// </summary>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
