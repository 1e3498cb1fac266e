using System.Security.Claims;

namespace ClinicPortal.Web.Accounts;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>Returns the Identity user id of a signed-in user.</summary>
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The user is not signed in: no name identifier claim.");
}
