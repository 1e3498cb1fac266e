namespace ClinicPortal.Domain.Sharing;

/// <summary>Plain-English explanations of skip reasons, for staff and patients.</summary>
public static class ShareReasonText
{
    public static string Describe(ShareReason reason) => reason switch
    {
        ShareReason.NoConsent => "The patient has not consented to sharing progress with their emergency contact.",
        ShareReason.NoEmergencyContact => "The patient has no emergency contact mobile number on file.",
        ShareReason.ConsentWithdrawn => "The patient withdrew consent before the update was sent.",
        ShareReason.ConsentOutOfDate => "The consent terms have changed and the patient has not agreed to the new terms yet.",
        ShareReason.RecipientOptedOut => "The emergency contact has opted out of messages by replying STOP.",
        ShareReason.WithheldByClinician => "The psychologist decided not to share this update.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown share reason."),
    };
}
