using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Decides whether a note about a patient may be shared with their emergency contact.</summary>
public static class SharingDecision
{
    /// <summary>Returns null when the note may be shared, otherwise the reason it may not.</summary>
    public static ShareReason? ReasonNotToShare(Patient patient, string currentConsentVersion, bool contactOptedOut)
    {
        if (!patient.ShareProgressWithEmergencyContact)
        {
            return ShareReason.NoConsent;
        }

        if (!patient.HasCurrentConsent(currentConsentVersion))
        {
            return ShareReason.ConsentOutOfDate;
        }

        if (!patient.HasEmergencyContact)
        {
            return ShareReason.NoEmergencyContact;
        }

        return contactOptedOut ? ShareReason.RecipientOptedOut : null;
    }

    /// <summary>Loads the opt-out state of the patient's contact number, then decides.</summary>
    internal static async Task<ShareReason?> ReasonNotToShareAsync(
        ClinicDbContext db, Patient patient, string currentConsentVersion, CancellationToken cancellationToken)
    {
        var optedOut = await IsOptedOutAsync(db, patient.EmergencyContactPhone, cancellationToken);
        return ReasonNotToShare(patient, currentConsentVersion, optedOut);
    }

    internal static async Task<bool> IsOptedOutAsync(ClinicDbContext db, string? phoneNumber, CancellationToken cancellationToken) =>
        phoneNumber is not null
        && await db.ContactOptOuts.AnyAsync(o => o.PhoneNumber == phoneNumber, cancellationToken);
}
