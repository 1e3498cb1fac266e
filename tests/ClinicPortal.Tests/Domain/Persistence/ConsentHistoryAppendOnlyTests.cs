using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Persistence;

/// <summary>The consent history accepts new entries only: the database rejects every update and delete.</summary>
public sealed class ConsentHistoryAppendOnlyTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private long _entryId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        var (_, userId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone);
        await _database.CreateConsentService().GrantOwnAsync(userId);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        _entryId = await db.ConsentHistory.Select(e => e.Id).SingleAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EfUpdate_IsRejected()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var entry = await db.ConsentHistory.SingleAsync(e => e.Id == _entryId);
        db.Entry(entry).Property(e => e.Version).CurrentValue = "9.9";

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("ConsentHistory is append-only: entries cannot be updated", error.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal("1.0", await ReadVersionAsync());
    }

    [Fact]
    public async Task EfDelete_IsRejected()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.ConsentHistory.Remove(await db.ConsentHistory.SingleAsync(e => e.Id == _entryId));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("ConsentHistory is append-only: entries cannot be deleted", error.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountEntriesAsync());
    }

    [Fact]
    public async Task SqlUpdate_IsRejected()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlRawAsync("UPDATE ConsentHistory SET Version = '9.9'"));

        Assert.Contains("ConsentHistory is append-only: entries cannot be updated", error.Message, StringComparison.Ordinal);
        Assert.Equal("1.0", await ReadVersionAsync());
    }

    [Fact]
    public async Task SqlDelete_IsRejected()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlRawAsync("DELETE FROM ConsentHistory"));

        Assert.Contains("ConsentHistory is append-only: entries cannot be deleted", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountEntriesAsync());
    }

    [Fact]
    public async Task Withdrawal_AppendsEntry()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var userId = await db.Patients.Select(p => p.UserId).SingleAsync();
            await _database.CreateConsentService().WithdrawOwnAsync(userId);
        }

        await using var check = await _database.Contexts.CreateDbContextAsync();
        var actions = await check.ConsentHistory.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([ConsentAction.Granted, ConsentAction.Withdrawn], actions);
    }

    private async Task<string> ReadVersionAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ConsentHistory.Where(e => e.Id == _entryId).Select(e => e.Version).SingleAsync();
    }

    private async Task<int> CountEntriesAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.ConsentHistory.CountAsync();
    }
}
