using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Idempotency;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Domain.Idempotency;

/// <summary>How long keys last: 24 hours after completion, one minute for a claim that never completes.</summary>
public sealed class IdempotencyStoreTests : IAsyncLifetime
{
    private const string UserId = "user-1";
    private const string RequestHash = "hash-of-the-request";

    private static readonly StoredResponse Created = new(201, "application/json; charset=utf-8", "/api/auth/progress-notes/7/", "{\"id\":7}"u8.ToArray());

    private readonly FakeTimeProvider _time = new(ClinicDatabase.Now);
    private ClinicDatabase _database = null!;
    private IdempotencyStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        var clock = new ClinicClock(_time, Options.Create(new ClinicOptions()));
        _store = new IdempotencyStore(_database.Contexts, clock, Options.Create(new IdempotencyOptions()), NullLogger<IdempotencyStore>.Instance);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CompletedKey_ReplaysFor24Hours()
    {
        var claim = Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "key", RequestHash));
        await _store.CompleteAsync(claim.RecordId, Created);
        _time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        var replay = Assert.IsType<IdempotencyClaim.Replay>(await _store.ClaimAsync(UserId, "key", RequestHash));

        Assert.Equal(201, replay.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", replay.Response.ContentType);
        Assert.Equal("/api/auth/progress-notes/7/", replay.Response.Location);
        Assert.Equal("{\"id\":7}"u8.ToArray(), replay.Response.Body);
        Assert.Equal(0, await _store.PurgeExpiredAsync());
    }

    [Fact]
    public async Task ExpiredKey_IsPurgedAndReusable()
    {
        var claim = Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "key", RequestHash));
        await _store.CompleteAsync(claim.RecordId, Created);
        var other = Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "later-key", RequestHash));
        await _store.CompleteAsync(other.RecordId, Created);
        _time.Advance(TimeSpan.FromHours(24));

        var purged = await _store.PurgeExpiredAsync();
        var reused = await _store.ClaimAsync(UserId, "key", "hash-of-another-request");

        Assert.Equal(2, purged);
        Assert.IsType<IdempotencyClaim.Claimed>(reused);
    }

    [Fact]
    public async Task ExpiredKey_IsReplacedBeforePurge()
    {
        var claim = Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "key", RequestHash));
        await _store.CompleteAsync(claim.RecordId, Created);
        _time.Advance(TimeSpan.FromHours(25));

        var reused = await _store.ClaimAsync(UserId, "key", "hash-of-another-request");

        Assert.IsType<IdempotencyClaim.Claimed>(reused);
    }

    [Fact]
    public async Task UnfinishedClaim_BlocksUntilClaimTimeout()
    {
        Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "key", RequestHash));

        var whileRunning = await _store.ClaimAsync(UserId, "key", RequestHash);
        var otherRequest = await _store.ClaimAsync(UserId, "key", "hash-of-another-request");
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterTimeout = await _store.ClaimAsync(UserId, "key", RequestHash);

        Assert.IsType<IdempotencyClaim.InProgress>(whileRunning);
        Assert.IsType<IdempotencyClaim.Mismatch>(otherRequest);
        Assert.IsType<IdempotencyClaim.Claimed>(afterTimeout);
    }

    [Fact]
    public async Task ReleasedClaim_FreesKey()
    {
        var claim = Assert.IsType<IdempotencyClaim.Claimed>(await _store.ClaimAsync(UserId, "key", RequestHash));

        await _store.ReleaseAsync(claim.RecordId);
        var retry = await _store.ClaimAsync(UserId, "key", "hash-of-another-request");

        Assert.IsType<IdempotencyClaim.Claimed>(retry);
    }
}
