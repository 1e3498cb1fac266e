using System.Text.Json;

namespace ClinicPortal.Tests.Support;

/// <summary>The cases of Cases/phone-numbers.json: inputs with their E.164 form, and inputs that must be rejected.</summary>
public static class PhoneNumberCases
{
    public static IReadOnlyList<(string Input, string E164)> Accepted() =>
        Read("accepted").Select(c => (c.GetProperty("input").GetString()!, c.GetProperty("e164").GetString()!)).ToList();

    public static IReadOnlyList<string> Rejected() =>
        Read("rejected").Select(c => c.GetProperty("input").GetString()!).ToList();

    private static List<JsonElement> Read(string list)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "phone-numbers.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty(list).EnumerateArray().Select(c => c.Clone()).ToList();
    }
}
