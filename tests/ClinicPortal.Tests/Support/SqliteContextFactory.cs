using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Support;

/// <summary>Creates a new context per operation, as the app's registered factory does.</summary>
internal sealed class SqliteContextFactory(DbContextOptions<ClinicDbContext> options) : IDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext() => new(options);
}
