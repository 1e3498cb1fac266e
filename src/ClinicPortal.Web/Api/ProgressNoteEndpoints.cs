using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api.Idempotency;

namespace ClinicPortal.Web.Api;

/// <summary>
/// /api/auth/progress-notes/: psychologists list, create and read notes of their own patients and
/// add addenda. A note created here is signed at once and its share decided. A draft (started in
/// the editor) can be changed or deleted; a signed note returns 409 and takes addenda instead.
/// </summary>
internal static class ProgressNoteEndpoints
{
    public static void MapProgressNoteEndpoints(this RouteGroupBuilder api)
    {
        var notes = api.MapGroup("/auth/progress-notes").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Psychologist));

        notes.MapGet("/", async (ClaimsPrincipal user, ProgressNoteService service, CancellationToken cancellationToken, int? patient, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
        {
            if (patient is not { } patientId)
            {
                throw DomainValidationException.ForField("Patient", "Enter the id of the patient whose notes to list, for example ?patient=12.");
            }

            var result = await service.ListForPatientAsync(user.GetUserId(), patientId, new PageRequest(page, page_size), cancellationToken);
            return TypedResults.Ok(new PagedResult<ProgressNoteResponses.ListRow>(result.Count, result.Results.Select(ProgressNoteResponses.ListRow.From).ToList()));
        })
        .WithSummary("Lists the notes about one patient of the signed-in psychologist, newest session first.");

        notes.MapPost("/", async (ProgressNoteRequest request, ClaimsPrincipal user, ProgressNoteService service, ClinicClock clock, CancellationToken cancellationToken) =>
        {
            var (patientId, content) = request.ToCommand(clock);
            var created = await service.CreateAsync(user.GetUserId(), patientId, content, cancellationToken);
            return TypedResults.Created(
                $"/api/auth/progress-notes/{created.NoteId}/",
                new ProgressNoteResponses.Created(created.NoteId, created.ShareStatus, created.ShareReason));
        })
        .AcceptIdempotencyKey()
        .WithSummary("Creates and signs a note about a patient of the signed-in psychologist and decides its share.");

        notes.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, ProgressNoteService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(ProgressNoteResponses.Note.From(await service.GetAsync(user.GetUserId(), id, cancellationToken))))
            .WithSummary("Returns a note of the signed-in psychologist's patient, with its addenda; the read is recorded in the access log.");

        notes.MapPatch("/{id:int}", async (int id, ProgressNoteRequest request, ClaimsPrincipal user, NoteDraftService drafts, ProgressNoteService service, ClinicClock clock, CancellationToken cancellationToken) =>
        {
            var userId = user.GetUserId();
            await drafts.UpdateAsync(userId, id, current => request.MergeInto(current, clock), cancellationToken);
            return TypedResults.Ok(ProgressNoteResponses.Note.From(await service.GetAsync(userId, id, cancellationToken)));
        })
        .WithSummary("Changes the fields given of a draft; a signed note answers 409 and takes an addendum instead.")
        .ProducesProblem(StatusCodes.Status409Conflict);

        notes.MapPut("/{id:int}", async (int id, ProgressNoteRequest request, ClaimsPrincipal user, NoteDraftService drafts, ProgressNoteService service, ClinicClock clock, CancellationToken cancellationToken) =>
        {
            var userId = user.GetUserId();
            await drafts.UpdateAsync(userId, id, _ => request.ToCommand(clock).Content, cancellationToken);
            return TypedResults.Ok(ProgressNoteResponses.Note.From(await service.GetAsync(userId, id, cancellationToken)));
        })
        .WithSummary("Replaces every field of a draft; a signed note answers 409 and takes an addendum instead.")
        .ProducesProblem(StatusCodes.Status409Conflict);

        notes.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, NoteDraftService drafts, CancellationToken cancellationToken) =>
        {
            await drafts.DiscardAsync(user.GetUserId(), id, cancellationToken);
            return TypedResults.NoContent();
        })
        .WithSummary("Discards a draft; a signed note answers 409, because it can never be deleted.")
        .ProducesProblem(StatusCodes.Status409Conflict);

        notes.MapPost("/{id:int}/addenda", async (int id, AddendumRequest request, ClaimsPrincipal user, NoteSigningService signing, CancellationToken cancellationToken) =>
        {
            var addendum = await signing.AddAddendumAsync(user.GetUserId(), id, request.Text ?? "", cancellationToken);
            return TypedResults.Created($"/api/auth/progress-notes/{id}/", ProgressNoteResponses.Addendum.From(addendum));
        })
        .AcceptIdempotencyKey()
        .WithSummary("Adds a signed addendum to a signed note of the signed-in psychologist's patient; addenda are never shared.");
    }

    /// <summary>The body of an addendum: the correction or addition, up to 20,000 characters.</summary>
    internal sealed record AddendumRequest(string? Text);
}
