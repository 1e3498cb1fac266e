namespace ClinicPortal.Tests.Http.Api;

/// <summary>Who sends a request in the authorization matrix.</summary>
public enum ApiRole
{
    Anonymous,

    /// <summary>The demo patient, whose records the routes act on.</summary>
    Patient,

    /// <summary>A patient who is not the one the records belong to.</summary>
    OtherPatient,

    /// <summary>The demo psychologist, assigned to the demo patient.</summary>
    Psychologist,

    /// <summary>A psychologist assigned to no patient.</summary>
    UnassignedPsychologist,

    Admin,
}
