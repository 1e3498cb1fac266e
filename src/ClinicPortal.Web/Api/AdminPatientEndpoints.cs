using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Web.Accounts;

namespace ClinicPortal.Web.Api;

/// <summary>GET /api/admin/patients/{id}/consent-history/: a patient's consent history, oldest first, for admins, paged like every list.</summary>
internal static class AdminPatientEndpoints
{
    public static void MapAdminPatientEndpoints(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/admin/patients").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Admin));

        patients.MapGet("/{id:int}/consent-history", async (int id, ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            var history = await consent.GetHistoryForPatientAsync(user.GetUserId(), id, cancellationToken);
            return TypedResults.Ok(new PageRequest(page, page_size).Slice(history.Select(DisclosureEndpoints.ConsentHistoryRow.From).ToList()));
        })
        .WithSummary("Lists a patient's consent history, oldest first.");
    }
}
