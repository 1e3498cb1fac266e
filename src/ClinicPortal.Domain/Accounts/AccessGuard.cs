using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Accounts;

/// <summary>
/// Checks roles and ownership against the database at the moment of each action, so a role or
/// assignment removed, or an account disabled, while a page is open takes effect on the next click.
/// </summary>
internal static class AccessGuard
{
    /// <summary>Returns whether the account is active (not disabled) and in the role.</summary>
    public static Task<bool> IsInRoleAsync(ClinicDbContext db, string userId, string role, CancellationToken cancellationToken)
    {
        var normalizedRole = role.ToUpperInvariant();

        return db.UserRoles.AnyAsync(
            userRole => userRole.UserId == userId
                && db.Roles.Any(r => r.Id == userRole.RoleId && r.NormalizedName == normalizedRole)
                && db.Users.Any(u => u.Id == userId && u.DisabledAtUtc == null),
            cancellationToken);
    }

    public static async Task EnsureInRoleAsync(ClinicDbContext db, string userId, string role, CancellationToken cancellationToken)
    {
        if (!await IsInRoleAsync(db, userId, role, cancellationToken))
        {
            throw new AccessDeniedException($"This action needs the {role} role.");
        }
    }

    /// <summary>Loads the patient record that belongs to a signed-in patient.</summary>
    public static async Task<Patient> LoadOwnPatientAsync(ClinicDbContext db, string userId, CancellationToken cancellationToken)
    {
        await EnsureInRoleAsync(db, userId, ClinicRoles.Patient, cancellationToken);

        return await db.Patients.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
            ?? throw new AccessDeniedException("This account has no patient record.");
    }

    /// <summary>Ensures the user is a psychologist who is assigned to the patient.</summary>
    public static async Task EnsureTreatingPsychologistAsync(
        ClinicDbContext db, string userId, int patientId, CancellationToken cancellationToken)
    {
        await EnsureInRoleAsync(db, userId, ClinicRoles.Psychologist, cancellationToken);

        var assigned = await db.PatientAssignments.AnyAsync(
            a => a.PatientId == patientId && a.PsychologistId == userId, cancellationToken);
        if (!assigned)
        {
            throw new AccessDeniedException($"Patient {patientId} is not assigned to you.");
        }
    }
}
