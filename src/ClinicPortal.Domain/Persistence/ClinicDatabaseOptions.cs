using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Persistence;

/// <summary>Configures a context for the clinic's SQLite database, the same way in the app, tools and tests.</summary>
public static class ClinicDatabaseOptions
{
    // One stateless instance for every context, so contexts configured alike also compare alike.
    private static readonly SqliteBusyTimeout BusyTimeout = new();

    public static DbContextOptionsBuilder UseClinicSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(BusyTimeout);

    public static DbContextOptionsBuilder<ClinicDbContext> UseClinicSqlite(this DbContextOptionsBuilder<ClinicDbContext> options, string connectionString)
    {
        ((DbContextOptionsBuilder)options).UseClinicSqlite(connectionString);
        return options;
    }
}
