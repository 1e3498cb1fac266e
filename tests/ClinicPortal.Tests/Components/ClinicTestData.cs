using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Components;

/// <summary>Builds users, roles, patients and assignments in the test database through the domain's own methods.</summary>
internal sealed class ClinicTestData(IDbContextFactory<ClinicDbContext> dbFactory, TimeProvider timeProvider)
{
    public const string ContactName = "Liam Thompson";
    public const string ContactRelationship = "Brother";
    public const string ContactPhone = "+61491570156";

    private DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;

    public async Task SeedRolesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var role in ClinicRoles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Adds an account in the given role and returns its user id.</summary>
    public async Task<string> AddUserAsync(string email, string role)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = new ApplicationUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, DisplayName = email };
        db.Users.Add(user);

        var normalizedRole = role.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == normalizedRole).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Adds a patient record, with Liam Thompson as emergency contact unless <paramref name="withContact"/> is false.</summary>
    public async Task<int> AddPatientAsync(
        string userId, string firstName, string lastName, bool withContact = true, bool consented = false, string consentVersion = "1.0")
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var patient = Patient.Register(userId, firstName, lastName);
        if (withContact)
        {
            patient.UpdateEmergencyContact(ContactName, ContactRelationship, ContactPhone);
        }

        db.Patients.Add(patient);
        await db.SaveChangesAsync();

        if (consented)
        {
            patient.GrantConsent(consentVersion, UtcNow, userId);
            await db.SaveChangesAsync();
        }

        return patient.Id;
    }

    public async Task AssignAsync(int patientId, string psychologistId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.PatientAssignments.Add(new PatientAssignment(patientId, psychologistId, UtcNow));
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<ClinicDbContext, Task<T>> query)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await query(db);
    }
}
