using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api.Idempotency;
using ClinicPortal.Web.Api.OpenApi;

namespace ClinicPortal.Web.Api;

/// <summary>
/// The admin share log: GET /api/admin/share-log/ with filters, ordering and paging, its CSV
/// export, one share's details, the recorded reveal of its recipient, and the resend.
/// </summary>
internal static partial class ShareLogEndpoints
{
    public static void MapShareLogEndpoints(this RouteGroupBuilder api)
    {
        var shareLog = api.MapGroup("/admin/share-log").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Admin));

        shareLog.MapGet("/", async (ClaimsPrincipal user, ShareLogService log, ClinicClock clock, HttpRequest request, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            var (filter, sort) = ShareLogQueryParameters.Parse(request.Query, clock);
            var result = await log.ListAsync(user.GetUserId(), new PageRequest(page, page_size), sort, filter, cancellationToken);
            return TypedResults.Ok(new PagedResult<ShareLogRow>(result.Count, result.Results.Select(ShareLogRow.From).ToList()));
        })
        .WithSummary("Lists shares, filtered by status, reason, patient, psychologist, date range and patient name, in the order asked.")
        .DescribeShareLogFilters();

        shareLog.MapGet("/csv", async (ClaimsPrincipal user, ShareLogService log, ClinicClock clock, HttpContext context) =>
        {
            var (filter, sort) = ShareLogQueryParameters.Parse(context.Request.Query, clock);
            var rows = log.StreamAsync(user.GetUserId(), sort, filter, context.RequestAborted);
            await ShareLogCsv.WriteAsync(context, rows, clock);
        })
        .WithSummary("Streams the filtered share log as CSV; the export is recorded in the access log.")
        .DescribeShareLogFilters();

        shareLog.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, ShareDetailsService details, CancellationToken cancellationToken) =>
            TypedResults.Ok(await details.GetAsync(user.GetUserId(), id, cancellationToken)))
            .WithSummary("Returns one share with its text, attempts, status callbacks and consent version; the recipient is masked.");

        shareLog.MapPost("/{id:int}/reveal-recipient", async (int id, ClaimsPrincipal user, ShareDetailsService details, CancellationToken cancellationToken) =>
            TypedResults.Ok(new RevealedRecipient(await details.RevealRecipientAsync(user.GetUserId(), id, cancellationToken))))
            .WithSummary("Returns the full recipient number of a share; the reveal is recorded in the access log.");

        shareLog.MapPost("/{id:int}/resend", async (int id, ClaimsPrincipal user, ShareResendService resends, CancellationToken cancellationToken) =>
        {
            await resends.ResendAsync(user.GetUserId(), id, cancellationToken);
            return TypedResults.Accepted((string?)null);
        })
        .AcceptIdempotencyKey()
        .WithSummary("Queues a failed share, or one with an unknown outcome, to be sent again to the contact's current number.");

        shareLog.MapGet("/dashboard", async (ClaimsPrincipal user, ShareDashboardService dashboard, CancellationToken cancellationToken) =>
            TypedResults.Ok(await dashboard.GetAsync(user.GetUserId(), cancellationToken)))
            .WithSummary("Returns shares per day for the last 30 days by outcome, the backlog and the oldest waiting share.");
    }

    /// <summary>The full recipient number, or null when the share was never sent.</summary>
    internal sealed record RevealedRecipient(string? Recipient);

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
