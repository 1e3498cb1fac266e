using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Hosting;

/// <summary>Applies migrations, creates the roles and, where enabled, the demo accounts. Safe to run on every start.</summary>
internal static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        await using (var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            LogMigrating(logger, db.Database.GetDbConnection().DataSource);
            await db.Database.MigrateAsync();
        }

        await services.GetRequiredService<RoleSeeder>().SeedAsync();

        var demoData = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (demoData.Enabled ?? app.Environment.IsDevelopment())
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migrations to {DataSource}")]
    private static partial void LogMigrating(ILogger logger, string dataSource);
}
