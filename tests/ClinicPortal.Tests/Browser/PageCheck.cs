namespace ClinicPortal.Tests.Browser;

/// <summary>
/// One page that <see cref="PageLayoutTests"/> opens: the demo account to sign in with (null for
/// a visitor), its path, whether it runs on a Blazor circuit, and the heading that shows it loaded.
/// </summary>
internal sealed record PageCheck(string Name, string? Account, string Path, bool Interactive, string Heading)
{
    /// <summary>Placeholder in <see cref="Path"/> for the id of the demo patient, Mia Thompson.</summary>
    public const string DemoPatientId = "{demo-patient-id}";

    public static readonly IReadOnlyList<PageCheck> All =
    [
        new("home", null, "/", Interactive: true, "Welcome to ClinicPortal"),
        new("login", null, "/Account/Login", Interactive: false, "Log in"),
        new("register", null, "/Account/Register", Interactive: false, "Register"),
        new("profile", DemoAccounts.PatientEmail, "/patient/profile", Interactive: true, "My profile"),
        new("preferences", DemoAccounts.PatientEmail, "/patient/preferences", Interactive: true, "Sharing preferences"),
        new("shared-updates", DemoAccounts.PatientEmail, "/patient/shares", Interactive: true, "What has been shared"),
        new("psychologist-patients", DemoAccounts.PsychologistEmail, "/psychologist/patients", Interactive: true, "My patients"),
        new("patient-notes", DemoAccounts.PsychologistEmail, $"/psychologist/patients/{DemoPatientId}", Interactive: true, "Mia Thompson"),
        new("note-editor", DemoAccounts.PsychologistEmail, $"/psychologist/patients/{DemoPatientId}/notes/new", Interactive: true, "New progress note: Mia Thompson"),
        new("share-log", DemoAccounts.AdminEmail, "/admin/share-log", Interactive: true, "Share log"),
        new("access-log", DemoAccounts.AdminEmail, "/admin/access-log", Interactive: true, "Access log"),
        new("admin-patients", DemoAccounts.AdminEmail, "/admin/patients", Interactive: true, "Patients"),
        new("sharing-overview", DemoAccounts.AdminEmail, "/admin/sharing", Interactive: true, "Sharing overview"),
        new("accounts", DemoAccounts.AdminEmail, "/admin/accounts", Interactive: true, "Accounts"),
        new("account-audit", DemoAccounts.AdminEmail, "/admin/account-audit", Interactive: true, "Account changes"),
        new("admin-patient", DemoAccounts.AdminEmail, $"/admin/patients/{DemoPatientId}", Interactive: true, "Mia Thompson"),
    ];
}
