using System.Globalization;
using System.Net;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Sends SMS through the Twilio SDK and classifies every failure (see <see cref="SmsFailureKind"/>),
/// because Twilio's message creation is not idempotent: a request that may have reached Twilio
/// must not be retried. Phone numbers in Twilio's error texts are masked, because those texts
/// reach the logs and the share log.
/// </summary>
internal sealed class TwilioSmsSender(IHttpClientFactory httpClientFactory, IOptions<TwilioOptions> options) : ISmsSender
{
    public const string HttpClientName = "Twilio";

    public string Name => "Twilio";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new TwilioRestClient(
            settings.AccountSid,
            settings.AuthToken,
            httpClient: new SystemNetHttpClient(httpClientFactory.CreateClient(HttpClientName)));
        var response = TwilioResponseCapture.Begin();

        try
        {
            var created = await MessageResource.CreateAsync(
                to: new PhoneNumber(message.To),
                from: string.IsNullOrWhiteSpace(settings.PhoneNumber) ? null : new PhoneNumber(settings.PhoneNumber),
                messagingServiceSid: string.IsNullOrWhiteSpace(settings.MessagingServiceSid) ? null : settings.MessagingServiceSid,
                body: message.Body,
                statusCallback: settings.StatusCallbackUrl,
                client: client);

            return new SmsSendResult(created.Sid, created.Status?.ToString() ?? "queued");
        }
        catch (ApiException exception)
        {
            throw Classify(exception, response);
        }
        catch (ApiConnectionException exception)
        {
            throw Classify(exception, exception.InnerException);
        }
        catch (HttpRequestException exception)
        {
            throw Classify(exception, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsSendException("Timeout", SmsFailureKind.OutcomeUnknown, "The request to Twilio timed out after it was sent.", innerException: exception);
        }
    }

    /// <summary>
    /// Classifies an HTTP error: 429 and 503 mean Twilio did not take the message, 500, 502 and
    /// 504 leave it unknown, and other 4xx are permanent. The SDK reports status 0 for a body that
    /// is not a Twilio error, so the status is then read from the captured response.
    /// </summary>
    private static SmsSendException Classify(ApiException exception, TwilioResponseCapture.Holder response)
    {
        var status = exception.Status != 0 ? exception.Status : (int?)response.StatusCode ?? 0;
        var code = exception.Code != 0 ? exception.Code.ToString(CultureInfo.InvariantCulture) : "HTTP" + status;
        var text = $"Twilio answered HTTP {status}, code {exception.Code}: {PhoneMasking.RedactNumbers(exception.Message)}";
        var kind = (HttpStatusCode)status switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => SmsFailureKind.NotSent,
            >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => SmsFailureKind.Permanent,
            _ => SmsFailureKind.OutcomeUnknown,
        };

        return new SmsSendException(code, kind, text, kind == SmsFailureKind.NotSent ? response.RetryAfter : null);
    }

    /// <summary>
    /// A connection that could not be made means the request never left; a timeout or a
    /// response cut short means it may have reached Twilio.
    /// </summary>
    private static SmsSendException Classify(Exception exception, Exception? cause)
    {
        var errorCode = exception.GetType().Name;
        return cause switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } =>
                new SmsSendException(errorCode, SmsFailureKind.NotSent, "Twilio could not be reached: " + cause.Message, innerException: exception),
            TaskCanceledException or TimeoutException =>
                new SmsSendException("Timeout", SmsFailureKind.OutcomeUnknown, "The request to Twilio timed out after it was sent.", innerException: exception),
            _ =>
                new SmsSendException(errorCode, SmsFailureKind.OutcomeUnknown, "The connection to Twilio failed during the request: " + (cause ?? exception).Message, innerException: exception),
        };
    }
}
