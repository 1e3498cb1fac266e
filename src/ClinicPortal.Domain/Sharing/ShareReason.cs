namespace ClinicPortal.Domain.Sharing;

/// <summary>Why a note was not shared.</summary>
public enum ShareReason
{
    /// <summary>The patient has not consented to sharing.</summary>
    NoConsent,

    /// <summary>No emergency contact number is on file.</summary>
    NoEmergencyContact,

    /// <summary>Consent was withdrawn after the note was saved and before the update was sent.</summary>
    ConsentWithdrawn,

    /// <summary>The patient consented under an older version of the consent text and has not agreed to the current one.</summary>
    ConsentOutOfDate,

    /// <summary>The emergency contact's number replied STOP (or Twilio reported error 21610).</summary>
    RecipientOptedOut,

    /// <summary>The psychologist chose not to share the note when signing it, and recorded why.</summary>
    WithheldByClinician,
}
