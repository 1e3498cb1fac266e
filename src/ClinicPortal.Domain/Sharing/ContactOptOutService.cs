using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Applies SMS replies: STOP and its synonyms opt a number out, START and its synonyms opt it back in.</summary>
public sealed partial class ContactOptOutService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<ContactOptOutService> logger)
{
    private static readonly HashSet<string> StopKeywords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> StartKeywords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    /// <summary>Applies a reply from <paramref name="fromNumber"/> (E.164). Other texts change nothing.</summary>
    public async Task<OptOutChange> ApplyReplyAsync(string fromNumber, string body, CancellationToken cancellationToken = default)
    {
        var keyword = body.Trim();
        var change = StopKeywords.Contains(keyword) ? OptOutChange.OptedOut
            : StartKeywords.Contains(keyword) ? OptOutChange.OptedIn
            : OptOutChange.None;
        if (change == OptOutChange.None)
        {
            return change;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.ContactOptOuts.SingleOrDefaultAsync(o => o.PhoneNumber == fromNumber, cancellationToken);
        if (change == OptOutChange.OptedOut && existing is null)
        {
            db.ContactOptOuts.Add(new ContactOptOut(fromNumber, clock.UtcNow, $"{keyword.ToUpperInvariant()} reply"));
        }
        else if (change == OptOutChange.OptedIn && existing is not null)
        {
            db.ContactOptOuts.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogReplyApplied(logger, PhoneMasking.Mask(fromNumber), change);
        return change;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS reply from {Number}: {Change}")]
    private static partial void LogReplyApplied(ILogger logger, string number, OptOutChange change);
}
