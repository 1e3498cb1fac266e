using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Accounts;
using CsvHelper;

namespace ClinicPortal.Web.Api;

/// <summary>
/// What has been disclosed about the signed-in patient (APP 12): GET /api/auth/shares/ and
/// GET /api/auth/consent-history/, each also as a CSV download under csv/.
/// </summary>
internal static partial class DisclosureEndpoints
{
    public static void MapDisclosureEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Patient));

        auth.MapGet("/shares", async (ClaimsPrincipal user, SharedUpdatesService updates, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            var result = await updates.ListOwnAsync(user.GetUserId(), new PageRequest(page, page_size), cancellationToken);
            return TypedResults.Ok(new PagedResult<SharedUpdateRow>(result.Count, result.Results.Select(SharedUpdateRow.From).ToList()));
        })
        .WithSummary("Lists the progress updates shared about the signed-in patient, newest first.");

        // A patient's consent history is short, so it is loaded whole and paged in memory.
        auth.MapGet("/consent-history", async (ClaimsPrincipal user, SharingConsentService consent, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            var history = await consent.GetOwnHistoryAsync(user.GetUserId(), cancellationToken);
            return TypedResults.Ok(new PageRequest(page, page_size).Slice(history.Select(ConsentHistoryRow.From).ToList()));
        })
        .WithSummary("Lists the signed-in patient's consent history, oldest first.");

        auth.MapGet("/shares/csv", (ClaimsPrincipal user, SharedUpdatesService updates, HttpContext context) =>
            WriteCsvAsync(context, "shared-updates.csv", updates.StreamOwnAsync(user.GetUserId(), context.RequestAborted).Select(SharedUpdateRow.From)))
            .WithSummary("Downloads every shared update of the signed-in patient as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        auth.MapGet("/consent-history/csv", async (ClaimsPrincipal user, SharingConsentService consent, HttpContext context) =>
        {
            var history = await consent.GetOwnHistoryAsync(user.GetUserId(), context.RequestAborted);
            await WriteCsvAsync(context, "consent-history.csv", history.Select(ConsentHistoryRow.From).ToAsyncEnumerable());
        })
        .WithSummary("Downloads the signed-in patient's whole consent history as CSV.")
        .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    /// <summary>Streams rows as CSV with a header row, writing as they arrive rather than holding the whole list.</summary>
    private static async Task WriteCsvAsync<T>(HttpContext context, string fileName, IAsyncEnumerable<T> rows)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        await using var csv = CsvWriter.Create(context.Response.Body, new CsvWriterOptions(), leaveOpen: true);
        await csv.WriteRecordsAsync(rows, context.RequestAborted);
        await csv.FlushAsync(context.RequestAborted);
    }

    [CsvRecord]
    internal sealed partial record SharedUpdateRow(
        int Id, int NoteId, DateTime SessionDate, DateTime CreatedAt, DateTime? SentAt, string Recipient, ShareStatus Status, ShareReason? Reason, string? Message)
    {
        public static SharedUpdateRow From(SharedUpdate update) => new(
            update.Id, update.NoteId, update.SessionDateUtc, update.CreatedAtUtc, update.SentAtUtc, CsvCells.Text(update.Recipient)!, update.Status, update.Reason, CsvCells.Text(update.Message));
    }

    [CsvRecord]
    internal sealed partial record ConsentHistoryRow(DateTime RecordedAt, ConsentAction Action, string Version, ConsentMethod Method, string RecordedBy, string? Note)
    {
        public static ConsentHistoryRow From(ConsentHistoryItem item) =>
            new(item.RecordedAtUtc, item.Action, item.Version, item.Method, CsvCells.Text(item.RecordedBy)!, CsvCells.Text(item.Note));
    }
}
