using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Web.Accounts;

namespace ClinicPortal.Web.Api;

/// <summary>GET and PATCH /api/auth/preferences/: the signed-in patient's consent to share progress.</summary>
internal static class PreferencesEndpoints
{
    public static void MapPreferencesEndpoints(this RouteGroupBuilder api)
    {
        var preferences = api.MapGroup("/auth/preferences").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Patient));

        preferences.MapGet("/", async (ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken) =>
            TypedResults.Ok(PreferencesResponse.From(await consent.GetOwnAsync(user.GetUserId(), cancellationToken))));

        preferences.MapPatch("/", async (PreferencesPatchRequest request, ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken) =>
        {
            var userId = user.GetUserId();
            var current = request.ShareProgressWithEmergencyContact is { } share
                ? await consent.SetOwnAsync(userId, share, cancellationToken)
                : await consent.GetOwnAsync(userId, cancellationToken);
            return TypedResults.Ok(PreferencesResponse.From(current));
        });
    }

    internal sealed record PreferencesPatchRequest(bool? ShareProgressWithEmergencyContact);

    /// <summary>The sharing choice; the consent date (UTC) and version are read-only.</summary>
    internal sealed record PreferencesResponse(bool ShareProgressWithEmergencyContact, DateTime? ConsentDate, string? ConsentVersion)
    {
        public static PreferencesResponse From(SharingPreferences preferences) =>
            new(preferences.ShareProgressWithEmergencyContact, preferences.ConsentDateUtc, preferences.ConsentVersion);
    }
}
