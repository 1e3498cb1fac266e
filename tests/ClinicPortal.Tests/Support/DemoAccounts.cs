namespace ClinicPortal.Tests.Support;

/// <summary>The accounts and patient the portal seeds when DemoData:Enabled is true.</summary>
public static class DemoAccounts
{
    public const string PatientEmail = "patient@clinicportal.test";
    public const string PsychologistEmail = "psychologist@clinicportal.test";
    public const string AdminEmail = "admin@clinicportal.test";

    /// <summary>Default of DemoData:Password.</summary>
    public const string Password = "Demo-Password-1";

    public const string PatientName = "Mia Thompson";

    /// <summary>Mobile number of Liam Thompson, Mia's emergency contact, in E.164. The number is reserved for fiction.</summary>
    public const string EmergencyContactPhone = "+61491570156";

    public const string MaskedEmergencyContactPhone = "*********156";
}
