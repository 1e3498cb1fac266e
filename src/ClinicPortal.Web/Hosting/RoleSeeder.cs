using ClinicPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Hosting;

/// <summary>Creates the three roles through RoleManager. A second run adds nothing.</summary>
internal sealed partial class RoleSeeder(RoleManager<IdentityRole> roleManager, ILogger<RoleSeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in ClinicRoles.All)
        {
            if (await roleManager.RoleExistsAsync(role))
            {
                continue;
            }

            var result = await roleManager.CreateAsync(new IdentityRole(role));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Creating role {role} failed: {IdentityErrors.Describe(result)}");
            }

            LogRoleCreated(logger, role);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created role {Role}")]
    private static partial void LogRoleCreated(ILogger logger, string role);
}
