using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Patients;

/// <summary>
/// The admin's use cases on patients: the list with each one's sharing state, and which
/// psychologists treat each patient. None of them reads clinical content.
/// </summary>
public sealed partial class PatientDirectoryService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<PatientDirectoryService> logger)
{
    public const string PsychologistField = "PsychologistUserId";

    public async Task<PagedResult<PatientDirectoryEntry>> ListAsync(string adminUserId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        var count = await db.Patients.CountAsync(cancellationToken);
        var rows = await db.Patients.AsNoTracking()
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new PatientDirectoryEntry(p.Id, p.FirstName, p.LastName, p.ShareProgressWithEmergencyContact, p.ConsentVersion))
            .ToListAsync(cancellationToken);

        return new PagedResult<PatientDirectoryEntry>(count, rows);
    }

    /// <summary>Lists every account in the Psychologist role, by display name, for the admin's assignment picker.</summary>
    public async Task<IReadOnlyList<PsychologistAccount>> ListPsychologistsAsync(string adminUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        return await Psychologists(db)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Select(u => new PsychologistAccount(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Loads a patient's name and the psychologists assigned to them.</summary>
    /// <exception cref="NotFoundException">No patient has the id.</exception>
    public async Task<PatientCareTeam> GetPatientAsync(string adminUserId, int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw PatientNotFound(patientId);

        var psychologists = await db.PatientAssignments.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .Join(db.Users, a => a.PsychologistId, u => u.Id, (assignment, user) => user)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Select(u => new PsychologistAccount(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);

        return new PatientCareTeam(patient.Id, patient.FullName, psychologists);
    }

    /// <summary>
    /// Assigns a psychologist to treat a patient, which gives them access to the patient's notes
    /// and consent history. Assigning a psychologist who is already assigned writes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">No patient has the id.</exception>
    /// <exception cref="DomainValidationException">The user is not in the Psychologist role (field <see cref="PsychologistField"/>).</exception>
    public async Task AssignAsync(string adminUserId, int patientId, string psychologistUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        await EnsurePatientExistsAsync(db, patientId, cancellationToken);
        if (!await AccessGuard.IsInRoleAsync(db, psychologistUserId, ClinicRoles.Psychologist, cancellationToken))
        {
            throw DomainValidationException.ForField(
                PsychologistField,
                $"User {psychologistUserId} is not a psychologist. Choose an account in the Psychologist role.");
        }

        if (await IsAssignedAsync(db, patientId, psychologistUserId, cancellationToken))
        {
            return;
        }

        db.PatientAssignments.Add(new PatientAssignment(patientId, psychologistUserId, clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request may have made the same assignment between the check and the save,
            // which the primary key rejects. Any other failure is raised as it is.
            if (await IsAssignedInNewContextAsync(patientId, psychologistUserId, cancellationToken))
            {
                return;
            }

            throw;
        }

        LogAssigned(logger, patientId, psychologistUserId, adminUserId);
    }

    /// <summary>
    /// Ends a psychologist's assignment to a patient. Their access ends at their next action, and
    /// their notes stay. Removing an assignment that does not exist writes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">No patient has the id.</exception>
    public async Task UnassignAsync(string adminUserId, int patientId, string psychologistUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        await EnsurePatientExistsAsync(db, patientId, cancellationToken);
        var assignment = await db.PatientAssignments
            .SingleOrDefaultAsync(a => a.PatientId == patientId && a.PsychologistId == psychologistUserId, cancellationToken);
        if (assignment is null)
        {
            return;
        }

        db.PatientAssignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);

        LogUnassigned(logger, patientId, psychologistUserId, adminUserId);
    }

    private static IQueryable<ApplicationUser> Psychologists(ClinicDbContext db)
    {
        var normalizedRole = ClinicRoles.Psychologist.ToUpperInvariant();
        var roleIds = db.Roles.Where(r => r.NormalizedName == normalizedRole).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id));
    }

    private static async Task EnsurePatientExistsAsync(ClinicDbContext db, int patientId, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw PatientNotFound(patientId);
        }
    }

    private static NotFoundException PatientNotFound(int patientId) => new($"Patient {patientId} was not found.");

    private static Task<bool> IsAssignedAsync(ClinicDbContext db, int patientId, string psychologistUserId, CancellationToken cancellationToken) =>
        db.PatientAssignments.AnyAsync(a => a.PatientId == patientId && a.PsychologistId == psychologistUserId, cancellationToken);

    private async Task<bool> IsAssignedInNewContextAsync(int patientId, string psychologistUserId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await IsAssignedAsync(db, patientId, psychologistUserId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assigned psychologist {PsychologistUserId} to patient {PatientId}, by admin {AdminUserId}")]
    private static partial void LogAssigned(ILogger logger, int patientId, string psychologistUserId, string adminUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed psychologist {PsychologistUserId} from patient {PatientId}, by admin {AdminUserId}")]
    private static partial void LogUnassigned(ILogger logger, int patientId, string psychologistUserId, string adminUserId);
}
