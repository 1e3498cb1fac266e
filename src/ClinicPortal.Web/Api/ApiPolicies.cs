using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Web.Api;

/// <summary>Authorization for the API: a bearer token from /api/auth/login or the browser's cookie.</summary>
internal static class ApiPolicies
{
    public static AuthorizationPolicy ForRole(string role) =>
        new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(role)
            .Build();
}
