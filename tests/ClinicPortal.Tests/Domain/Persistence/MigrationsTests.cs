using ClinicPortal.Domain.Persistence;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Domain.Persistence;

public sealed class MigrationsTests
{
    [Fact]
    public async Task AppModel_HasNoPendingChanges()
    {
        await using var host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
