namespace ClinicPortal.Web.Hosting;

/// <summary>
/// Reads the environment variables of the original deployment, so its settings carry over.
/// A setting given under its current key wins over the old variable.
/// </summary>
internal static class LegacyEnvironmentVariables
{
    private static readonly (string Variable, string Key)[] Mappings =
    [
        ("TWILIO_ACCOUNT_SID", "Twilio:AccountSid"),
        ("TWILIO_AUTH_TOKEN", "Twilio:AuthToken"),
        ("TWILIO_PHONE_NUMBER", "Twilio:PhoneNumber"),
        ("PROGRESS_SHARING_CONSENT_VERSION", "ProgressSharing:ConsentVersion"),
    ];

    public static void AddLegacyEnvironmentVariables(this IConfigurationManager configuration) =>
        configuration.AddLegacyEnvironmentVariables(Environment.GetEnvironmentVariable);

    /// <summary>Adds the old variables, read through <paramref name="readVariable"/>, under their current keys.</summary>
    public static void AddLegacyEnvironmentVariables(this IConfigurationManager configuration, Func<string, string?> readVariable)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Mappings)
        {
            var value = readVariable(variable);
            if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(configuration[key]))
            {
                values[key] = value;
            }
        }

        if (values.Count > 0)
        {
            configuration.AddInMemoryCollection(values);
        }
    }
}
