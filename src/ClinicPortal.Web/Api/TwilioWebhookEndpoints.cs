using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Sms;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Twilio's webhooks: delivery status callbacks and SMS replies. Both are anonymous, so each
/// request must carry a valid X-Twilio-Signature; one without gets 403 and changes nothing.
/// </summary>
internal static partial class TwilioWebhookEndpoints
{
    public static void MapTwilioWebhookEndpoints(this RouteGroupBuilder api)
    {
        var twilio = api.MapGroup("/twilio").AllowAnonymous().DisableAntiforgery();

        twilio.MapPost("/status", async (HttpRequest request, TwilioRequestValidator validator, IOptions<TwilioOptions> options, DeliveryStatusService statuses, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (!validator.IsValid(request, form, options.Value.StatusCallbackUrl))
            {
                return Reject(loggers, "status callback");
            }

            var messageSid = form["MessageSid"].ToString();
            var status = form["MessageStatus"].ToString();
            if (messageSid.Length == 0 || status.Length == 0)
            {
                return TypedResults.Problem("MessageSid and MessageStatus are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            await statuses.ApplyAsync(messageSid, status, form["ErrorCode"].ToString(), cancellationToken);
            return TypedResults.NoContent();
        })
        .WithSummary("Twilio's delivery status callback; requires X-Twilio-Signature.");

        twilio.MapPost("/inbound", async (HttpRequest request, TwilioRequestValidator validator, IOptions<TwilioOptions> options, ContactOptOutService optOuts, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (!validator.IsValid(request, form, options.Value.ResolveInboundUrl()))
            {
                return Reject(loggers, "inbound SMS");
            }

            var from = PhoneNumberParser.ParseMobile(form["From"].ToString());
            if (from.E164 is { } number)
            {
                await optOuts.ApplyReplyAsync(number, form["Body"].ToString(), cancellationToken);
            }

            // An empty TwiML response: Twilio sends its own confirmation for STOP and START.
            return Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
        })
        .WithSummary("Twilio's webhook for SMS replies (STOP, START); requires X-Twilio-Signature.")
        .Produces(StatusCodes.Status200OK, contentType: "text/xml");
    }

    private static IResult Reject(ILoggerFactory loggers, string webhook)
    {
        LogInvalidSignature(loggers.CreateLogger(typeof(TwilioWebhookEndpoints)), webhook);
        return TypedResults.Problem(
            "The X-Twilio-Signature header is missing or does not match the request.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Twilio {Webhook} request with a missing or invalid signature")]
    private static partial void LogInvalidSignature(ILogger logger, string webhook);
}
