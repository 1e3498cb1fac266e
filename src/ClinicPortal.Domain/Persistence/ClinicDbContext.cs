using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Idempotency;
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

    public DbSet<EmergencyContactChange> EmergencyContactChanges => Set<EmergencyContactChange>();

    public DbSet<ProgressNote> ProgressNotes => Set<ProgressNote>();

    public DbSet<ProgressShare> ProgressShares => Set<ProgressShare>();

    public DbSet<ShareAttempt> ShareAttempts => Set<ShareAttempt>();

    public DbSet<ShareStatusCallback> ShareStatusCallbacks => Set<ShareStatusCallback>();

    public DbSet<ContactOptOut> ContactOptOuts => Set<ContactOptOut>();

    public DbSet<DevelopmentOutboxMessage> DevelopmentOutbox => Set<DevelopmentOutboxMessage>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<ProgressNoteAddendum> ProgressNoteAddenda => Set<ProgressNoteAddendum>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    // NOTE: Identity 10.0.15 picks the tables it maps from IdentityOptions.Stores.SchemaVersion
    // in the application's service provider. A context built without the web host needs those
    // options set to Version3, as the tests do. Without them the passkeys table is missing, so
    // MigrateAsync reports pending model changes.
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
