using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// What has been disclosed about a patient (APP 12): every share made for their notes, for the
/// patient themselves and for the psychologists who treat them.
/// </summary>
public sealed class SharedUpdatesService(IDbContextFactory<ClinicDbContext> dbFactory)
{
    /// <summary>Lists the signed-in patient's shares, newest first.</summary>
    public async Task<PagedResult<SharedUpdate>> ListOwnAsync(string userId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        return await ListAsync(db, patient.Id, page, cancellationToken);
    }

    /// <summary>Lists a patient's shares for a psychologist who treats them, newest first.</summary>
    public async Task<PagedResult<SharedUpdate>> ListForPatientAsync(
        string psychologistUserId, int patientId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureTreatingPsychologistAsync(db, psychologistUserId, patientId, cancellationToken);

        return await ListAsync(db, patientId, page, cancellationToken);
    }

    /// <summary>Streams every share of the signed-in patient, newest first, for a CSV download.</summary>
    public async IAsyncEnumerable<SharedUpdate> StreamOwnAsync(
        string userId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await AccessGuard.LoadOwnPatientAsync(db, userId, cancellationToken);

        await foreach (var update in Query(db, patient.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Mask(update);
        }
    }

    private static async Task<PagedResult<SharedUpdate>> ListAsync(ClinicDbContext db, int patientId, PageRequest page, CancellationToken cancellationToken)
    {
        var count = await db.ProgressShares.CountAsync(s => s.PatientId == patientId, cancellationToken);
        var rows = await Query(db, patientId).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);

        return new PagedResult<SharedUpdate>(count, rows.Select(Mask).ToList());
    }

    private static IQueryable<SharedUpdate> Query(ClinicDbContext db, int patientId) =>
        db.ProgressShares.AsNoTracking()
            .Where(s => s.PatientId == patientId)
            .Join(db.ProgressNotes, s => s.NoteId, n => n.Id, (share, note) => new { share, note.SessionDateUtc })
            .OrderByDescending(row => row.share.CreatedAtUtc)
            .ThenByDescending(row => row.share.Id)
            .Select(row => new SharedUpdate(
                row.share.Id,
                row.share.NoteId,
                row.SessionDateUtc,
                row.share.CreatedAtUtc,
                row.share.SentAtUtc,
                row.share.RecipientPhone ?? "",
                row.share.Status,
                row.share.Reason,
                row.share.Message));

    // The query returns the stored number; only its masked form leaves this service.
    private static SharedUpdate Mask(SharedUpdate update) => update with { Recipient = PhoneMasking.Mask(update.Recipient) };
}
