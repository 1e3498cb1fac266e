using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Hosting;

internal static class IdentityErrors
{
    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(error => error.Description));
}
