using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// A migrated SQLite database file for domain tests, without the web host, with builders for the
/// accounts and patients the domain services need and factories for those services.
/// </summary>
internal sealed class ClinicDatabase : IDisposable
{
    /// <summary>The instant the clock reads in every domain test: 1 February 2025, 11:00 in Sydney.</summary>
    public static readonly DateTimeOffset Now = new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The Identity store options the web host registers. Identity reads the schema version from
    /// them when it builds the model, so without them the model would not match the migrations.
    /// </summary>
    internal static readonly IServiceProvider IdentityStoreServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    private readonly TestDatabaseFile _file = new();

    private ClinicDatabase()
    {
        Contexts = CreateContextFactory();
    }

    public IDbContextFactory<ClinicDbContext> Contexts { get; }

    public ClinicClock Clock { get; } = new(new FixedTimeProvider(Now), Options.Create(new ClinicOptions()));

    public ShareDispatchSignal DispatchSignal { get; } = new();

    /// <summary>Sharing settings given to the services this class creates; tests may change them before creating one.</summary>
    public ProgressSharingOptions SharingOptions { get; } = new() { MaxSendsPerSecond = 1000 };

    public ClinicOptions ClinicOptions { get; } = new();

    public static async Task<ClinicDatabase> CreateAsync()
    {
        var database = new ClinicDatabase();
        await using var db = await database.Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();

        foreach (var role in ClinicRoles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>Creates a context factory on the same file whose contexts use the given interceptors.</summary>
    public IDbContextFactory<ClinicDbContext> CreateContextFactory(params IInterceptor[] interceptors) =>
        new SqliteContextFactory(new DbContextOptionsBuilder<ClinicDbContext>()
            .UseClinicSqlite(_file.ConnectionString)
            .UseApplicationServiceProvider(IdentityStoreServices)
            .AddInterceptors(interceptors)
            .Options);

    /// <summary>Adds an account in the given role and returns its user id.</summary>
    public async Task<string> AddUserAsync(string email, string role)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var user = new ApplicationUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>
    /// Adds a patient with an account and an emergency contact, assigned to the psychologist when
    /// one is given, and returns the patient's id and account id.
    /// </summary>
    public async Task<(int PatientId, string UserId)> AddPatientAsync(
        string firstName, string lastName, string? contactPhone, string? psychologistId = null)
    {
        var userId = await AddUserAsync($"{firstName}.{lastName}@clinicportal.test".ToLowerInvariant(), ClinicRoles.Patient);

        await using var db = await Contexts.CreateDbContextAsync();
        var patient = Patient.Register(userId, firstName, lastName);
        patient.UpdateEmergencyContact("Liam Thompson", "Brother", contactPhone);
        db.Patients.Add(patient);
        await db.SaveChangesAsync();

        if (psychologistId is not null)
        {
            db.PatientAssignments.Add(new PatientAssignment(patient.Id, psychologistId, Clock.UtcNow));
            await db.SaveChangesAsync();
        }

        return (patient.Id, userId);
    }

    public PatientProfileService CreateProfileService() =>
        new(Contexts, Clock, NullLogger<PatientProfileService>.Instance);

    public SharingConsentService CreateConsentService() =>
        new(Contexts, Options.Create(SharingOptions), Clock, NullLogger<SharingConsentService>.Instance);

    public PatientDirectoryService CreateDirectoryService() =>
        new(Contexts, Clock, NullLogger<PatientDirectoryService>.Instance);

    public ProgressNoteService CreateNoteService(IDbContextFactory<ClinicDbContext>? contexts = null) =>
        CreateNoteService(contexts ?? Contexts, Clock);

    /// <summary>Creates a note service whose clock reads <paramref name="timeProvider"/>, for notes saved at chosen instants.</summary>
    public ProgressNoteService CreateNoteService(TimeProvider timeProvider) =>
        CreateNoteService(Contexts, new ClinicClock(timeProvider, Options.Create(ClinicOptions)));

    public NoteSharePlanner CreateSharePlanner() => CreateSharePlanner(Clock);

    public NoteSigningService CreateSigningService(IDbContextFactory<ClinicDbContext>? contexts = null) =>
        CreateSigningService(contexts ?? Contexts, Clock);

    public NoteDraftService CreateDraftService() => new(Contexts, Clock, NullLogger<NoteDraftService>.Instance);

    public RecordVerificationService CreateVerificationService() => new(Contexts, NullLogger<RecordVerificationService>.Instance);

    public ShareDispatcher CreateDispatcher(ISmsSender sender) =>
        new(Contexts, sender, Clock, new ShareStatusNotifications(), Options.Create(SharingOptions), NullLogger<ShareDispatcher>.Instance);

    public ShareLogService CreateShareLogService() => new(Contexts, Clock, NullLogger<ShareLogService>.Instance);

    public ShareDetailsService CreateShareDetailsService() => new(Contexts, Clock, NullLogger<ShareDetailsService>.Instance);

    public ShareResendService CreateResendService() =>
        new(Contexts, Clock, DispatchSignal, Options.Create(SharingOptions), NullLogger<ShareResendService>.Instance);

    public AccountService CreateAccountService() => new(Contexts, Clock, NullLogger<AccountService>.Instance);

    public void Dispose() => _file.Dispose();

    private ProgressNoteService CreateNoteService(IDbContextFactory<ClinicDbContext> contexts, ClinicClock clock) =>
        new(contexts, clock, Options.Create(SharingOptions), CreateSharePlanner(clock), CreateSigningService(contexts, clock));

    private NoteSharePlanner CreateSharePlanner(ClinicClock clock) => new(clock, Options.Create(SharingOptions), Options.Create(ClinicOptions));

    private NoteSigningService CreateSigningService(IDbContextFactory<ClinicDbContext> contexts, ClinicClock clock) =>
        new(contexts, clock, CreateSharePlanner(clock), DispatchSignal, NullLogger<NoteSigningService>.Instance);
}
