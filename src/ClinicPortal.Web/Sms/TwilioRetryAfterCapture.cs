using System.Net.Http.Headers;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Carries Twilio's Retry-After header from the HTTP handler back to the sender, because the
/// SDK's ApiException does not expose response headers. The sender sets a holder for the
/// current call; the handler, which runs in the same async flow, fills it in.
/// </summary>
internal sealed class TwilioRetryAfterCapture : DelegatingHandler
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
        public TimeSpan? RetryAfter { get; set; }
    }
}
