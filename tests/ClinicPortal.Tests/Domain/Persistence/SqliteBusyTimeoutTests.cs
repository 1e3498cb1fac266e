using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Persistence;

/// <summary>Every connection the clinic's contexts open waits for another connection's write lock inside SQLite.</summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task OpenedConnection_HasBusyTimeout()
    {
        using var database = await ClinicDatabase.CreateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();

        var busyTimeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(30_000, busyTimeout);
    }
}
