using System.Text.Json;

namespace ClinicPortal.Tests.Http.Api.Docs;

/// <summary>
/// Compares a response with the JSON a doc example shows: every property shown must be present
/// with the same value, and the string "..." stands for any value. Properties the example leaves
/// out are not checked; arrays must have the same length.
/// </summary>
internal static class JsonSubset
{
    public const string AnyValue = "...";

    public static List<string> FindMismatches(JsonElement expected, JsonElement actual)
    {
        var mismatches = new List<string>();
        Compare(expected, actual, "$", mismatches);
        return mismatches;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> mismatches)
    {
        if (expected.ValueKind == JsonValueKind.String && expected.GetString() == AnyValue)
        {
            return;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            mismatches.Add($"{path}: expected {expected.ValueKind} {expected}, got {actual.ValueKind} {actual}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", mismatches);
                    }
                    else
                    {
                        mismatches.Add($"{path}.{property.Name}: missing from the response");
                    }
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    mismatches.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                    return;
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", mismatches);
                }

                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    mismatches.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }
}
