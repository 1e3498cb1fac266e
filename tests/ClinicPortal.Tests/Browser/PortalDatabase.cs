using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Browser;

/// <summary>Reads and changes the app's SQLite database directly, for steps the portal has no screen for.</summary>
internal sealed class PortalDatabase(string connectionString)
{
    /// <summary>Returns the id of the patient record that belongs to the account with this email.</summary>
    public async Task<int> GetPatientIdAsync(string email)
    {
        await using var db = CreateContext();
        var userId = await GetUserIdAsync(db, email);
        return await db.Patients.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
    }

    /// <summary>
    /// Assigns a patient to a psychologist. The portal has no admin screen for assignments yet, so
    /// the test writes the row the same way the domain does, through <see cref="PatientAssignment"/>.
    /// </summary>
    public async Task AssignAsync(int patientId, string psychologistEmail)
    {
        await using var db = CreateContext();
        var psychologistId = await GetUserIdAsync(db, psychologistEmail);
        db.PatientAssignments.Add(new PatientAssignment(patientId, psychologistId, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private static async Task<string> GetUserIdAsync(ClinicDbContext db, string email)
    {
        var normalizedEmail = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.Id).SingleOrDefaultAsync()
            ?? throw new InvalidOperationException($"No account with the email {email} was found in the app's database.");
    }

    // The same Identity store options as the app, so this context builds the same model as the
    // domain tests' contexts in this process. EF Core would cache a model built with other options for them.
    private ClinicDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ClinicDbContext>()
            .UseClinicSqlite(connectionString)
            .UseApplicationServiceProvider(ClinicDatabase.IdentityStoreServices)
            .Options);
}
