using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Decides what signing a note sends, and builds the SMS text. The editor's preview and the share
/// saved at signing both come from <see cref="PreviewAsync"/>, so the two can never differ.
/// </summary>
public sealed class NoteSharePlanner(
    ClinicClock clock,
    IOptions<ProgressSharingOptions> sharingOptions,
    IOptions<ClinicOptions> clinicOptions)
{
    /// <summary>Returns what signing the content now would send, or why it would send nothing.</summary>
    internal async Task<SharePreview> PreviewAsync(
        ClinicDbContext db, Patient patient, ProgressNoteContent content, ShareChoice choice, CancellationToken cancellationToken)
    {
        if (choice.Withhold)
        {
            return SharePreview.Skipped(ShareReason.WithheldByClinician);
        }

        var reason = await SharingDecision.ReasonNotToShareAsync(db, patient, sharingOptions.Value.ConsentVersion, cancellationToken);
        return reason is { } skipReason
            ? SharePreview.Skipped(skipReason)
            : SharePreview.Send(patient.EmergencyContactPhone!, BuildText(patient, content));
    }

    /// <summary>Builds the share record saved with a note at signing: pending with the previewed text, or skipped.</summary>
    internal async Task<ProgressShare> DecideAsync(
        ClinicDbContext db, Patient patient, string psychologistId, ProgressNoteContent content, ShareChoice choice, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (choice.Withhold)
        {
            return ProgressShare.Withheld(patient.Id, psychologistId, choice.WithheldReason!.Trim(), nowUtc);
        }

        var preview = await PreviewAsync(db, patient, content, choice, cancellationToken);
        return preview.SkipReason is { } reason
            ? ProgressShare.Skipped(patient.Id, psychologistId, reason, nowUtc)
            : ProgressShare.Pending(patient.Id, psychologistId, preview.Text!, sharingOptions.Value.ConsentVersion, nowUtc);
    }

    private string BuildText(Patient patient, ProgressNoteContent content)
    {
        var summary = new ProgressSummaryInput(
            patient.FullName, content.SessionDateUtc, content.ProgressRating, content.Subjective, content.Plan);
        var sender = new SenderIdentity(clinicOptions.Value.Name, clinicOptions.Value.Phone);
        return ProgressSummaryBuilder.Build(summary, clock.TimeZone, sender);
    }
}
