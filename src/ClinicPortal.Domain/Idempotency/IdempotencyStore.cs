using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.Idempotency;

/// <summary>
/// Stores Idempotency-Keys per user in the database, so that every process of the portal reads
/// the same claims. A request claims its key before it runs, then completes the claim with its
/// response or releases it.
/// </summary>
public sealed partial class IdempotencyStore(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyStore> logger)
{
    /// <summary>SQLite's result code for a violated constraint, here the unique index on the user and key.</summary>
    private const int SqliteConstraintViolation = 19;

    public async Task<IdempotencyClaim> ClaimAsync(string userId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        // Two rounds are enough: the second runs only after an expired row was deleted.
        for (var round = 0; round < 2; round++)
        {
            if (await TryInsertClaimAsync(userId, key, requestHash, cancellationToken) is { } recordId)
            {
                return new IdempotencyClaim.Claimed(recordId);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.IdempotencyKeys.AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing.ExpiresAtUtc <= clock.UtcNow)
            {
                // Deletes only the row read above, so a claim made meanwhile by another request stays.
                await db.IdempotencyKeys.Where(r => r.Id == existing.Id && r.ExpiresAtUtc == existing.ExpiresAtUtc)
                    .ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (existing.RequestHash != requestHash)
            {
                LogKeyMismatch(logger, userId);
                return new IdempotencyClaim.Mismatch();
            }

            if (existing.IsCompleted)
            {
                LogReplay(logger, existing.Id, userId);
                return new IdempotencyClaim.Replay(existing.ToResponse());
            }

            return new IdempotencyClaim.InProgress();
        }

        return new IdempotencyClaim.InProgress();
    }

    public async Task CompleteAsync(int recordId, StoredResponse response, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.IdempotencyKeys.SingleAsync(r => r.Id == recordId, cancellationToken);
        record.Complete(response, clock.UtcNow, options.Value.Retention);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a claim whose request did not succeed, so the client can retry with the same key.</summary>
    public async Task ReleaseAsync(int recordId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyKeys.Where(r => r.Id == recordId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes every expired key and returns how many were deleted.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        return await db.IdempotencyKeys.Where(r => r.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Inserts a claim and returns its id, or null when the user already has a row for the key.</summary>
    private async Task<int?> TryInsertClaimAsync(string userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = IdempotencyRecord.Claim(userId, key, requestHash, clock.UtcNow, options.Value.ClaimTimeout);
        db.IdempotencyKeys.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return record.Id;
        }
        catch (DbUpdateException exception) when (exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraintViolation })
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the stored response of idempotency key {RecordId} for user {UserId}")]
    private static partial void LogReplay(ILogger logger, int recordId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an idempotency key that user {UserId} already used for another request")]
    private static partial void LogKeyMismatch(ILogger logger, string userId);
}
