using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Persistence;

/// <summary>
/// The portal's database: Identity's tables and the clinic's records.
/// Add a migration from the repository root with
/// <c>dotnet ef migrations add NAME --project src/ClinicPortal.Domain --startup-project src/ClinicPortal.Web --output-dir Persistence/Migrations</c>.
/// </summary>
public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<PatientAssignment> PatientAssignments => Set<PatientAssignment>();

    public DbSet<ConsentHistoryEntry> ConsentHistory => Set<ConsentHistoryEntry>();

    public DbSet<ProgressNote> ProgressNotes => Set<ProgressNote>();

    public DbSet<ProgressShare> ProgressShares => Set<ProgressShare>();

    public DbSet<DevelopmentOutboxMessage> DevelopmentOutbox => Set<DevelopmentOutboxMessage>();

    // Fixed here rather than read from IdentityOptions, so that a context built without the
    // web host (tests, design-time tools) has the same model as the migrations.
    // NOTE: a context whose service provider has no IdentityOptions still builds a model without
    // the AspNetUserPasskeys table, so MigrateAsync fails with pending model changes. Component
    // tests configure IdentityOptions.Stores.SchemaVersion to Version3 to get the full model.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
