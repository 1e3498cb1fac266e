using System.Net;
using System.Net.Http.Headers;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Carries the HTTP status and the Retry-After header of Twilio's response from the HTTP handler
/// back to the sender. The SDK's ApiException does not expose response headers, and when the
/// body is not a Twilio error (an empty 503, or a proxy's HTML page) it reports status 0. The
/// sender sets a holder for the current call; the handler, which runs in the same async flow,
/// fills it in.
/// </summary>
internal sealed class TwilioResponseCapture : DelegatingHandler
{
    private static readonly AsyncLocal<Holder?> Current = new();

    /// <summary>Starts capturing for the current async flow and returns the holder to read after the call.</summary>
    public static Holder Begin()
    {
        var holder = new Holder();
        Current.Value = holder;
        return holder;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Current.Value is { } holder)
        {
            holder.StatusCode = response.StatusCode;
            holder.RetryAfter = ReadRetryAfter(response.Headers.RetryAfter);
        }

        return response;
    }

    private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    internal sealed class Holder
    {
        /// <summary>Status of the response, or null when no response arrived.</summary>
        public HttpStatusCode? StatusCode { get; set; }

        public TimeSpan? RetryAfter { get; set; }
    }
}
