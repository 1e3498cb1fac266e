using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Used when Twilio is not configured: stores each message in the development outbox table
/// instead of sending it, so a developer can see exactly what would have gone out.
/// </summary>
internal sealed partial class DevelopmentSmsSender(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    public string Name => "development outbox";

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var stored = new DevelopmentOutboxMessage(message.To, message.Body, clock.UtcNow);
        db.DevelopmentOutbox.Add(stored);
        await db.SaveChangesAsync(cancellationToken);

        LogStored(logger, stored.Id, PhoneMasking.Mask(message.To), message.Body.Length);
        return new SmsSendResult($"dev-outbox-{stored.Id}", "sent");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored SMS {OutboxId} to {Recipient} ({Length} characters) in the development outbox instead of sending it")]
    private static partial void LogStored(ILogger logger, int outboxId, string recipient, int length);
}
