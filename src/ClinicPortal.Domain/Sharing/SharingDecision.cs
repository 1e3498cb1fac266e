using ClinicPortal.Domain.Patients;

namespace ClinicPortal.Domain.Sharing;

/// <summary>Decides whether a note about a patient may be shared with their emergency contact.</summary>
public static class SharingDecision
{
    /// <summary>Returns null when the note may be shared, otherwise the reason it may not.</summary>
    public static ShareReason? ReasonNotToShare(Patient patient)
    {
        if (!patient.ShareProgressWithEmergencyContact)
        {
            return ShareReason.NoConsent;
        }

        return patient.HasEmergencyContact ? null : ShareReason.NoEmergencyContact;
    }
}
