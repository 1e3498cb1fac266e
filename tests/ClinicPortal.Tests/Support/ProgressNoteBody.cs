using System.Text.Json.Nodes;

namespace ClinicPortal.Tests.Support;

/// <summary>Builds the JSON body of POST /api/auth/progress-notes/ with the API's snake_case field names.</summary>
public static class ProgressNoteBody
{
    /// <summary>The note of the "basic" summary case, about the given patient.</summary>
    public static JsonObject Basic(int patientId) => From(SummaryCase.Load("basic"), patientId);

    public static JsonObject From(SummaryCase summaryCase, int patientId) => new()
    {
        ["patient"] = patientId,
        ["session_date"] = summaryCase.SessionDateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["session_number"] = 1,
        ["subjective"] = summaryCase.Subjective,
        ["objective"] = summaryCase.Objective,
        ["assessment"] = summaryCase.Assessment,
        ["plan"] = summaryCase.Plan,
        ["progress_rating"] = summaryCase.ProgressRating,
    };
}
