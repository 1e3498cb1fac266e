using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Accounts;

/// <summary>Makes a self-registered account a patient: the Patient role and a patient record.</summary>
internal sealed class PatientRegistration(UserManager<ApplicationUser> userManager, PatientProfileService profiles)
{
    public async Task CompleteAsync(ApplicationUser user, string firstName, string lastName)
    {
        if (!await userManager.IsInRoleAsync(user, ClinicRoles.Patient))
        {
            var added = await userManager.AddToRoleAsync(user, ClinicRoles.Patient);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Adding user {user.Id} to the Patient role failed: {IdentityErrors.Describe(added)}");
            }
        }

        await profiles.RegisterAsync(user.Id, firstName, lastName);
    }
}
