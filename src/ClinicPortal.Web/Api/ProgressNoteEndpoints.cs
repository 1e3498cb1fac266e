using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api.Idempotency;

namespace ClinicPortal.Web.Api;

/// <summary>
/// /api/auth/progress-notes/: psychologists create and edit notes for their own patients.
/// Creating a note decides its share; editing never shares.
/// </summary>
internal static class ProgressNoteEndpoints
{
    public static void MapProgressNoteEndpoints(this RouteGroupBuilder api)
    {
        var notes = api.MapGroup("/auth/progress-notes").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Psychologist));

        notes.MapPost("/", async (ProgressNoteRequest request, ClaimsPrincipal user, ProgressNoteService service, ClinicClock clock, CancellationToken cancellationToken) =>
        {
            var (patientId, content) = request.ToCommand(clock);
            var created = await service.CreateAsync(user.GetUserId(), patientId, content, cancellationToken);
            return TypedResults.Created(
                $"/api/auth/progress-notes/{created.NoteId}/",
                new CreatedResponse(created.NoteId, created.ShareStatus, created.ShareReason));
        })
        .AcceptIdempotencyKey()
        .WithSummary("Creates a note about a patient of the signed-in psychologist and decides its share.");

        notes.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, ProgressNoteService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(NoteResponse.From(await service.GetAsync(user.GetUserId(), id, cancellationToken))))
            .WithSummary("Returns a note of the signed-in psychologist's patient.");

        notes.MapPatch("/{id:int}", async (int id, ProgressNoteRequest request, ClaimsPrincipal user, ProgressNoteService service, ClinicClock clock, CancellationToken cancellationToken) =>
        {
            var userId = user.GetUserId();
            var existing = await service.GetAsync(userId, id, cancellationToken);
            var content = request.MergeInto(existing.Content, clock);
            await service.UpdateAsync(userId, id, content, cancellationToken);
            return TypedResults.Ok(NoteResponse.From(await service.GetAsync(userId, id, cancellationToken)));
        })
        .WithSummary("Changes the fields given; an edit is never shared.");
    }

    internal sealed record CreatedResponse(int Id, ShareStatus ShareStatus, ShareReason? ShareReason);

    internal sealed record NoteResponse(
        int Id,
        int Patient,
        DateTime SessionDate,
        int SessionNumber,
        string Subjective,
        string Objective,
        string Assessment,
        string Plan,
        int? ProgressRating,
        ShareStatus? ShareStatus,
        ShareReason? ShareReason)
    {
        public static NoteResponse From(ProgressNoteDetails note) => new(
            note.Id,
            note.PatientId,
            note.Content.SessionDateUtc,
            note.Content.SessionNumber,
            note.Content.Subjective,
            note.Content.Objective,
            note.Content.Assessment,
            note.Content.Plan,
            note.Content.ProgressRating,
            note.ShareStatus,
            note.ShareReason);
    }
}
