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
/// Sends SMS through the Twilio SDK. Twilio's errors become <see cref="SmsSendException"/> with
/// Twilio's code, or the kind of failure when there is no code. Phone numbers in Twilio's error
/// texts are masked, because those texts reach the logs and the share log.
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

        try
        {
            var created = await MessageResource.CreateAsync(
                to: new PhoneNumber(message.To),
                from: string.IsNullOrWhiteSpace(settings.PhoneNumber) ? null : new PhoneNumber(settings.PhoneNumber),
                messagingServiceSid: string.IsNullOrWhiteSpace(settings.MessagingServiceSid) ? null : settings.MessagingServiceSid,
                body: message.Body,
                client: client);

            return new SmsSendResult(created.Sid, created.Status?.ToString() ?? "queued");
        }
        catch (ApiException exception)
        {
            throw new SmsSendException(
                exception.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Twilio rejected the message (HTTP {exception.Status}, code {exception.Code}): {PhoneMasking.RedactNumbers(exception.Message)}");
        }
        catch (ApiConnectionException exception)
        {
            throw new SmsSendException(nameof(ApiConnectionException), "Twilio could not be reached: " + exception.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SmsSendException(nameof(HttpRequestException), "The request to Twilio failed: " + exception.Message, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmsSendException(nameof(TaskCanceledException), "The request to Twilio timed out.", exception);
        }
    }
}
