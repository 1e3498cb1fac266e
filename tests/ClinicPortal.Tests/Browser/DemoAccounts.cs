using ClinicPortal.Web.Hosting;

namespace ClinicPortal.Tests.Browser;

/// <summary>The demo accounts the app seeds in Development, and the password the tests give it.</summary>
internal static class DemoAccounts
{
    public const string AdminEmail = DemoDataSeeder.AdminEmail;
    public const string PsychologistEmail = DemoDataSeeder.PsychologistEmail;
    public const string PatientEmail = DemoDataSeeder.PatientEmail;

    public static readonly string Password = new DemoDataOptions().Password;

    /// <summary>Mobile number of the demo patient's emergency contact, Liam Thompson.</summary>
    public const string EmergencyContactPhone = "+61491570156";
}
