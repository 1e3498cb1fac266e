namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// Who may call each API route: the status code every role gets. The table documents access, so
/// docs/api.md shows it as written here (<see cref="AuthorizationMatrixTests"/> checks both).
/// Add a row for every new route; the matrix test fails for a mapped route without one.
/// Rows run in this order against one portal, so a row that changes data sits after the rows that read it.
/// </summary>
public static class ApiAccessTable
{
    private const string NoteBody = """{"patient":{patient},"session_date":"2025-01-19T10:00:00Z","session_number":2,"subjective":"Sleeping better.","plan":"Keep a diary.","progress_rating":7}""";

    public static readonly IReadOnlyList<RouteAccess> Rows =
    [
        // Identity's account endpoints: open to everyone; the manage routes need a signed-in user.
        new("POST", "/api/auth/register", "/api/auth/register", """{"email":"new.{role}@clinicportal.test","password":"Demo-Password-1"}""", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/auth/login", "/api/auth/login", """{"email":"patient@clinicportal.test","password":"Demo-Password-1"}""", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/auth/refresh", "/api/auth/refresh", """{"refresh_token":"not-a-token"}""", 401, 401, 401, 401, 401, 401),
        new("GET", "/api/auth/confirmEmail", "/api/auth/confirmEmail?userId=nobody&code=none", null, 401, 401, 401, 401, 401, 401),
        new("POST", "/api/auth/resendConfirmationEmail", "/api/auth/resendConfirmationEmail", """{"email":"nobody@clinicportal.test"}""", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/auth/forgotPassword", "/api/auth/forgotPassword", """{"email":"nobody@clinicportal.test"}""", 200, 200, 200, 200, 200, 200),
        new("POST", "/api/auth/resetPassword", "/api/auth/resetPassword", """{"email":"nobody@clinicportal.test","reset_code":"none","new_password":"Demo-Password-2"}""", 400, 400, 400, 400, 400, 400),
        new("POST", "/api/auth/manage/2fa", "/api/auth/manage/2fa", "{}", 401, 200, 200, 200, 200, 200),
        new("GET", "/api/auth/manage/info", "/api/auth/manage/info", null, 401, 200, 200, 200, 200, 200),
        new("POST", "/api/auth/manage/info", "/api/auth/manage/info", "{}", 401, 200, 200, 200, 200, 200),

        // The signed-in patient's own records: any patient reaches only their own.
        new("GET", "/api/auth/profile/", "/api/auth/profile/", null, 401, 200, 200, 403, 403, 403),
        new("PATCH", "/api/auth/profile/", "/api/auth/profile/", """{"first_name":"Mia"}""", 401, 200, 200, 403, 403, 403),
        new("GET", "/api/auth/preferences/", "/api/auth/preferences/", null, 401, 200, 200, 403, 403, 403),
        new("PATCH", "/api/auth/preferences/", "/api/auth/preferences/", """{"share_progress_with_emergency_contact":true}""", 401, 200, 400, 403, 403, 403),
        new("POST", "/api/auth/preferences/consent", "/api/auth/preferences/consent/", """{"version":"1.0"}""", 401, 200, 400, 403, 403, 403),
        new("GET", "/api/auth/shares", "/api/auth/shares/", null, 401, 200, 200, 403, 403, 403),
        new("GET", "/api/auth/shares/csv", "/api/auth/shares/csv/", null, 401, 200, 200, 403, 403, 403),
        new("GET", "/api/auth/consent-history", "/api/auth/consent-history/", null, 401, 200, 200, 403, 403, 403),
        new("GET", "/api/auth/consent-history/csv", "/api/auth/consent-history/csv/", null, 401, 200, 200, 403, 403, 403),

        // Progress notes: only the psychologist assigned to the patient.
        // A note created through the API is signed at once, so it can never be changed or deleted.
        new("POST", "/api/auth/progress-notes/", "/api/auth/progress-notes/", NoteBody, 401, 403, 403, 201, 403, 403),
        new("GET", "/api/auth/progress-notes/", "/api/auth/progress-notes/?patient={patient}", null, 401, 403, 403, 200, 403, 403),
        new("GET", "/api/auth/progress-notes/{id:int}", "/api/auth/progress-notes/{note}/", null, 401, 403, 403, 200, 403, 403),
        new("PATCH", "/api/auth/progress-notes/{id:int}", "/api/auth/progress-notes/{note}/", """{"plan":"Keep a diary every evening."}""", 401, 403, 403, 409, 403, 403),
        new("PUT", "/api/auth/progress-notes/{id:int}", "/api/auth/progress-notes/{note}/", NoteBody, 401, 403, 403, 409, 403, 403),
        new("DELETE", "/api/auth/progress-notes/{id:int}", "/api/auth/progress-notes/{note}/", null, 401, 403, 403, 409, 403, 403),
        new("POST", "/api/auth/progress-notes/{id:int}/addenda", "/api/auth/progress-notes/{note}/addenda/", """{"text":"Correction: the session ran 50 minutes."}""", 401, 403, 403, 201, 403, 403),

        // Admin routes.
        new("GET", "/api/admin/share-log/", "/api/admin/share-log/?page=1&page_size=10&status=failed", null, 401, 403, 403, 403, 403, 200),
        new("GET", "/api/admin/share-log/csv", "/api/admin/share-log/csv/?status=failed", null, 401, 403, 403, 403, 403, 200),
        new("GET", "/api/admin/share-log/dashboard", "/api/admin/share-log/dashboard/", null, 401, 403, 403, 403, 403, 200),
        new("GET", "/api/admin/share-log/{id:int}", "/api/admin/share-log/{share}/", null, 401, 403, 403, 403, 403, 200),
        new("POST", "/api/admin/share-log/{id:int}/reveal-recipient", "/api/admin/share-log/{share}/reveal-recipient/", null, 401, 403, 403, 403, 403, 200),
        new("POST", "/api/admin/share-log/{id:int}/resend", "/api/admin/share-log/{share}/resend/", null, 401, 403, 403, 403, 403, 202),
        new("GET", "/api/admin/accounts/", "/api/admin/accounts/", null, 401, 403, 403, 403, 403, 200),
        new("POST", "/api/admin/accounts/", "/api/admin/accounts/", """{"email":"staff.{role}@clinicportal.test","display_name":"Dr Robin Staff","roles":["Psychologist"]}""", 401, 403, 403, 403, 403, 201),
        new("GET", "/api/admin/accounts/{id}", "/api/admin/accounts/{account}/", null, 401, 403, 403, 403, 403, 200),
        new("PATCH", "/api/admin/accounts/{id}", "/api/admin/accounts/{account}/", """{"display_name":"Dr Sam Unassigned"}""", 401, 403, 403, 403, 403, 200),
        new("POST", "/api/admin/accounts/{id}/unlock", "/api/admin/accounts/{account}/unlock/", null, 401, 403, 403, 403, 403, 200),
        new("POST", "/api/admin/accounts/{id}/password-link", "/api/admin/accounts/{account}/password-link/", null, 401, 403, 403, 403, 403, 200),
        new("GET", "/api/admin/account-audit", "/api/admin/account-audit/", null, 401, 403, 403, 403, 403, 200),
        new("GET", "/api/admin/patients/{id:int}/consent-history", "/api/admin/patients/{patient}/consent-history/", null, 401, 403, 403, 403, 403, 200),

        // Twilio's webhooks: anonymous, but only a request signed with the auth token gets past 403.
        new("POST", "/api/twilio/status", "/api/twilio/status", RouteAccess.FormBody, 403, 403, 403, 403, 403, 403),
        new("POST", "/api/twilio/inbound", "/api/twilio/inbound", RouteAccess.FormBody, 403, 403, 403, 403, 403, 403),

        // Removes the patient's emergency contact, so it runs last.
        new("DELETE", "/api/auth/profile/emergency-contact", "/api/auth/profile/emergency-contact/", null, 401, 200, 200, 403, 403, 403),
    ];
}
