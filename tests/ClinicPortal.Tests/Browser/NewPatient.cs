namespace ClinicPortal.Tests.Browser;

/// <summary>A patient who registers in a browser test, with an email address no other test run uses.</summary>
internal sealed record NewPatient(string FirstName, string LastName)
{
    public const string Password = "Journey-Password-1";

    public string Email { get; } = $"{FirstName}.{LastName}.{Guid.NewGuid():N}@example.test".ToLowerInvariant();

    public string FullName => $"{FirstName} {LastName}";
}
