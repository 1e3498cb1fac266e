using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Hosting;

/// <summary>
/// Seeds the demo accounts: an admin, Dr Ava Patel (psychologist) and her patient Mia Thompson,
/// whose emergency contact is her brother Liam with sharing off. Existing accounts are left as they are.
/// </summary>
internal sealed partial class DemoDataSeeder(
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<ClinicDbContext> dbFactory,
    IOptions<DemoDataOptions> options,
    ClinicClock clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string AdminEmail = "admin@clinicportal.test";
    public const string PsychologistEmail = "psychologist@clinicportal.test";
    public const string PatientEmail = "patient@clinicportal.test";

    public async Task SeedAsync()
    {
        await EnsureUserAsync(AdminEmail, "Clinic Admin", ClinicRoles.Admin);
        var psychologist = await EnsureUserAsync(PsychologistEmail, "Dr Ava Patel", ClinicRoles.Psychologist);
        var patientUser = await EnsureUserAsync(PatientEmail, "Mia Thompson", ClinicRoles.Patient);

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Patients.AnyAsync(p => p.UserId == patientUser.Id))
        {
            return;
        }

        var patient = Patient.Register(patientUser.Id, "Mia", "Thompson");
        patient.UpdateEmergencyContact("Liam Thompson", "Brother", "+61491570156");
        db.Patients.Add(patient);
        await db.SaveChangesAsync();

        db.PatientAssignments.Add(new PatientAssignment(patient.Id, psychologist.Id, clock.UtcNow));
        await db.SaveChangesAsync();
        LogDemoPatientSeeded(logger, patient.Id);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string role)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await userManager.CreateAsync(user, options.Value.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Creating demo account {email} failed: {IdentityErrors.Describe(created)} Check DemoData:Password.");
        }

        var added = await userManager.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Adding demo account {email} to role {role} failed: {IdentityErrors.Describe(added)}");
        }

        LogDemoUserSeeded(logger, email, role);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account {Email} with role {Role}")]
    private static partial void LogDemoUserSeeded(ILogger logger, string email, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo patient {PatientId} assigned to the demo psychologist")]
    private static partial void LogDemoPatientSeeded(ILogger logger, int patientId);
}
