using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api.Idempotency;

namespace ClinicPortal.Web.Api;

/// <summary>GET /api/admin/share-log/: every share, newest first, for admins.</summary>
internal static class ShareLogEndpoints
{
    public static void MapShareLogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/share-log", async (ClaimsPrincipal user, ShareLogService shareLog, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            var result = await shareLog.ListAsync(user.GetUserId(), new PageRequest(page, page_size), cancellationToken);
            return TypedResults.Ok(new PagedResult<ShareLogRow>(result.Count, result.Results.Select(ShareLogRow.From).ToList()));
        })
        .RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Admin))
        .WithSummary("Lists every share, newest first.");

        api.MapPost("/admin/share-log/{id:int}/resend", async (int id, ClaimsPrincipal user, ShareResendService resends, CancellationToken cancellationToken) =>
        {
            await resends.ResendAsync(user.GetUserId(), id, cancellationToken);
            return TypedResults.Accepted((string?)null);
        })
        .RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Admin))
        .AcceptIdempotencyKey()
        .WithSummary("Queues a failed share, or one with an unknown outcome, to be sent again.");
    }

    internal sealed record ShareLogRow(
        int Id,
        int NoteId,
        int PatientId,
        string PatientName,
        string Recipient,
        ShareStatus Status,
        ShareReason? Reason,
        string? ErrorCode,
        string? ErrorMessage,
        string? ProviderMessageId,
        int? Segments,
        string? Message,
        DateTime CreatedAt,
        DateTime? SentAt,
        string? WithheldReason)
    {
        public static ShareLogRow From(ShareLogEntry entry) => new(
            entry.Id,
            entry.NoteId,
            entry.PatientId,
            entry.PatientName,
            entry.Recipient,
            entry.Status,
            entry.Reason,
            entry.ErrorCode,
            entry.ErrorMessage,
            entry.ProviderMessageId,
            entry.Segments,
            entry.Message,
            entry.CreatedAtUtc,
            entry.SentAtUtc,
            entry.WithheldReason);
    }
}
