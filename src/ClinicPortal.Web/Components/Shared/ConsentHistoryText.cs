using ClinicPortal.Domain.Patients;

namespace ClinicPortal.Web.Components.Shared;

/// <summary>Words for the columns of a consent history table.</summary>
internal static class ConsentHistoryText
{
    public static string Action(ConsentAction action) => action switch
    {
        ConsentAction.Granted => "Consent given",
        ConsentAction.Withdrawn => "Consent withdrawn",
        _ => action.ToString(),
    };

    public static string Method(ConsentMethod method) => method switch
    {
        ConsentMethod.PatientPortal => "Patient portal",
        ConsentMethod.RecordedInSession => "Recorded in session",
        ConsentMethod.Api => "REST API",
        ConsentMethod.SmsStop => "SMS reply STOP",
        _ => method.ToString(),
    };

    /// <summary>Returns the version, or "None" for a withdrawal recorded while consent was off, which has no version.</summary>
    public static string Version(string version) => version.Length > 0 ? version : "None";
}
