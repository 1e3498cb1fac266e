namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// One row of the authorization matrix: a route, the request sent to it, and the exact status
/// each role gets. <see cref="Pattern"/> is the route as the app maps it (RoutePattern.RawText).
/// In <see cref="Path"/> and <see cref="Body"/>, {patient}, {note}, {share} and {account} stand for
/// the fixture's records and {role} for the sender's role, so that each sender's body is unique.
/// A <see cref="Body"/> starting with "form:" is sent as an empty form instead of JSON.
/// </summary>
public sealed record RouteAccess(
    string Method,
    string Pattern,
    string Path,
    string? Body,
    int Anonymous,
    int Patient,
    int OtherPatient,
    int Psychologist,
    int UnassignedPsychologist,
    int Admin)
{
    public const string FormBody = "form:";

    public int ExpectedFor(ApiRole role) => role switch
    {
        ApiRole.Anonymous => Anonymous,
        ApiRole.Patient => Patient,
        ApiRole.OtherPatient => OtherPatient,
        ApiRole.Psychologist => Psychologist,
        ApiRole.UnassignedPsychologist => UnassignedPsychologist,
        ApiRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public override string ToString() => $"{Method} {Pattern}";
}
