using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Tests.Support;

/// <summary>One case of Cases/progress-summary.json: a note and the exact SMS text built from it.</summary>
public sealed record SummaryCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("patient_name")] string PatientName,
    [property: JsonPropertyName("session_date")] DateTime SessionDate,
    [property: JsonPropertyName("progress_rating")] int? ProgressRating,
    [property: JsonPropertyName("subjective")] string Subjective,
    [property: JsonPropertyName("objective")] string Objective,
    [property: JsonPropertyName("assessment")] string Assessment,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("expected_sms")] string ExpectedSms)
{
    /// <summary>Reads every case from the copy of the file in the test output folder.</summary>
    public static IReadOnlyList<SummaryCase> LoadAll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "progress-summary.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").Deserialize<List<SummaryCase>>()
            ?? throw new InvalidDataException($"{path} has no cases.");
    }

    public static SummaryCase Load(string name) => LoadAll().Single(c => c.Name == name);

    /// <summary>The session date as UTC; the file writes it with a Z suffix.</summary>
    public DateTime SessionDateUtc => SessionDate.ToUniversalTime();

    public override string ToString() => Name;
}
