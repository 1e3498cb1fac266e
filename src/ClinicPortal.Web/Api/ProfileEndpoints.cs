using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Web.Accounts;

namespace ClinicPortal.Web.Api;

/// <summary>GET and PATCH /api/auth/profile/: the signed-in patient's profile and emergency contact.</summary>
internal static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("/auth/profile").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Patient));

        profile.MapGet("/", async (ClaimsPrincipal user, PatientProfileService profiles, CancellationToken cancellationToken) =>
            TypedResults.Ok(ProfileResponse.From(await profiles.GetOwnAsync(user.GetUserId(), cancellationToken))))
            .WithSummary("Returns the signed-in patient's name and emergency contact.");

        profile.MapPatch("/", async (ProfilePatchRequest request, ClaimsPrincipal user, PatientProfileService profiles, CancellationToken cancellationToken) =>
        {
            var update = new UpdatePatientProfile(
                request.FirstName, request.LastName, request.EmergencyContactName, request.EmergencyContactRelationship, request.EmergencyContactPhone);
            var updated = await profiles.UpdateOwnAsync(user.GetUserId(), update, cancellationToken);
            return TypedResults.Ok(ProfileResponse.From(updated));
        })
        .WithSummary("Changes the fields given; a missing field stays as it is.");

        profile.MapDelete("/emergency-contact", async (ClaimsPrincipal user, PatientProfileService profiles, CancellationToken cancellationToken) =>
            TypedResults.Ok(ProfileResponse.From(await profiles.RemoveOwnEmergencyContactAsync(user.GetUserId(), cancellationToken))))
            .WithSummary("Removes the signed-in patient's emergency contact.");
    }

    /// <summary>Fields to change. A missing field stays as it is; an empty string clears a contact field.</summary>
    internal sealed record ProfilePatchRequest(
        string? FirstName,
        string? LastName,
        string? EmergencyContactName,
        string? EmergencyContactRelationship,
        string? EmergencyContactPhone);

    internal sealed record ProfileResponse(
        int Id,
        string FirstName,
        string LastName,
        string? EmergencyContactName,
        string? EmergencyContactRelationship,
        string? EmergencyContactPhone)
    {
        public static ProfileResponse From(PatientProfile profile) => new(
            profile.Id,
            profile.FirstName,
            profile.LastName,
            profile.EmergencyContactName,
            profile.EmergencyContactRelationship,
            profile.EmergencyContactPhone);
    }
}
