using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Web.Accounts;

namespace ClinicPortal.Web.Api;

/// <summary>
/// /api/auth/preferences/: the signed-in patient's consent to share progress. PATCH with true
/// agrees to the consent version in force; POST consent/ agrees to a named version.
/// </summary>
internal static class PreferencesEndpoints
{
    public static void MapPreferencesEndpoints(this RouteGroupBuilder api)
    {
        var preferences = api.MapGroup("/auth/preferences").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Patient));

        preferences.MapGet("/", async (ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken) =>
            TypedResults.Ok(PreferencesResponse.From(await consent.GetOwnAsync(user.GetUserId(), cancellationToken))))
            .WithSummary("Returns the signed-in patient's sharing choice and consent.");

        preferences.MapPatch("/", async (PreferencesPatchRequest request, ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken) =>
        {
            var userId = user.GetUserId();
            var current = request.ShareProgressWithEmergencyContact is { } share
                ? await consent.SetOwnAsync(userId, share, ConsentMethod.Api, cancellationToken)
                : await consent.GetOwnAsync(userId, cancellationToken);
            return TypedResults.Ok(PreferencesResponse.From(current));
        })
        .WithSummary("Turns sharing with the emergency contact on (agreeing to the consent version in force) or off.");

        preferences.MapPost("/consent", async (ConsentRequest request, ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.Version))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Enter the consent version you agree to, for example 1.0."] });
            }

            var current = await consent.GrantOwnAsync(user.GetUserId(), request.Version.Trim(), ConsentMethod.Api, cancellationToken);
            return Results.Ok(PreferencesResponse.From(current));
        })
        .WithSummary("Agrees to a named consent version, which must be the one in force.")
        .Produces<PreferencesResponse>();
    }

    internal sealed record PreferencesPatchRequest(bool? ShareProgressWithEmergencyContact);

    internal sealed record ConsentRequest(string? Version);

    /// <summary>
    /// The sharing choice; the consent date (UTC) and version are read-only. Consent given under an
    /// older version than <see cref="CurrentConsentVersion"/> is out of date and shares nothing.
    /// </summary>
    internal sealed record PreferencesResponse(
        bool ShareProgressWithEmergencyContact,
        DateTime? ConsentDate,
        string? ConsentVersion,
        string CurrentConsentVersion,
        bool ConsentOutOfDate,
        bool EmergencyContactOptedOut)
    {
        public static PreferencesResponse From(SharingPreferences preferences) => new(
            preferences.ShareProgressWithEmergencyContact,
            preferences.ConsentDateUtc,
            preferences.ConsentVersion,
            preferences.CurrentConsentVersion,
            preferences.ConsentOutOfDate,
            preferences.ContactOptedOut);
    }
}
