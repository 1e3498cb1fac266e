namespace ClinicPortal.Web.Components.Pages.Patient;

/// <summary>
/// The consent text a patient agrees to when they turn on sharing with their emergency contact.
/// Change <see cref="Version"/> with every change of wording, together with the
/// ProgressSharing:ConsentVersion setting, because consent is recorded under that setting.
/// </summary>
internal static class ConsentText
{
    public const string Version = "1.0";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "If you turn this on, your psychologist's progress notes will trigger a short update to your emergency contact after each session.",
        "Each update contains your name, the session date, your progress rating if your psychologist gave one, and the first part of the sections of the note that describe how you said you were going and the plan for the next steps.",
        "Your emergency contact never receives your psychologist's observations, their assessment, or the full note.",
        "Updates are sent by SMS to the emergency contact mobile number on your profile. Keep that number up to date.",
        "You can withdraw your consent at any time on this page. Withdrawing stops every update that has not been sent yet. Updates already sent cannot be recalled.",
    ];
}
