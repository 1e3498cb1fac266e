namespace ClinicPortal.Domain.Patients;

/// <summary>How a grant or withdrawal of consent reached the clinic.</summary>
public enum ConsentMethod
{
    /// <summary>The patient changed it on the preferences page.</summary>
    PatientPortal,

    /// <summary>A psychologist recorded the patient's decision during a session.</summary>
    RecordedInSession,

    /// <summary>The patient's own request through the REST API.</summary>
    Api,

    /// <summary>An SMS reply of STOP.</summary>
    SmsStop,
}
