using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Components.Pages.Psychologist;

/// <summary>Sentences that tell a psychologist what happens, or happened, to the update about a note.</summary>
internal static class SharingText
{
    /// <summary>Describes where updates about the patient go, and warns when the contact's number cannot receive SMS.</summary>
    public static string ForPatient(TreatedPatient patient)
    {
        var destination = patient.SkipReason is { } reason
            ? ShareReasonText.Describe(reason)
            : $"Updates go to {patient.EmergencyContactName} ({patient.EmergencyContactRelationship}).";

        return patient.ContactUndeliverableCode is { } code
            ? $"{destination} The contact's number cannot receive SMS (error {code}): ask the patient to check it."
            : destination;
    }

    /// <summary>
    /// Tells, before signing a note, whether an update will be sent and to whom. The live preview
    /// decides when there is one, because consent can change while the note is written.
    /// </summary>
    public static string BeforeSigning(TreatedPatient patient, SharePreview? preview)
    {
        var skipReason = preview is null ? patient.SkipReason : preview.SkipReason;
        return skipReason is { } reason
            ? $"Signing this note will not send an update: {ShareReasonText.Describe(reason)}"
            : $"Signing this note will send an update to {patient.EmergencyContactName} ({patient.EmergencyContactRelationship}).";
    }

    /// <summary>Describes the previewed SMS, for example "To: *********156 · 245 characters · GSM-7 · 2 segments".</summary>
    public static string SmsFacts(SharePreview preview)
    {
        if (preview.Measurement is not { } size)
        {
            return "";
        }

        var encoding = size.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
        var segments = size.Segments == 1 ? "1 segment" : $"{size.Segments} segments";
        return $"To: {preview.MaskedRecipient} · {size.Units} characters · {encoding} · {segments}";
    }

    /// <summary>Tells, right after a note was signed, what was decided about its update.</summary>
    public static string AfterCreate(ShareStatus status, ShareReason? reason, string? contactName) =>
        status == ShareStatus.Skipped && reason is { } skipReason
            ? $"No update will be sent: {ShareReasonText.Describe(skipReason)}"
            : $"An update will be sent to {contactName}.";

    /// <summary>Describes a note's share in the note list.</summary>
    public static string ForNote(ShareStatus? status, ShareReason? reason) => (status, reason) switch
    {
        (null, _) => "No share record",
        (ShareStatus.Skipped, { } skipReason) => "Not sent: " + ShareReasonText.Describe(skipReason),
        (ShareStatus.Pending, _) => "Waiting to be sent",
        (ShareStatus.Failed, _) => "Sending failed",
        (ShareStatus.Unknown, _) => "Outcome unknown: an admin can resend it",
        (ShareStatus.Undelivered, _) => "Not delivered",
        ({ } other, _) => other.ToString(),
    };
}
