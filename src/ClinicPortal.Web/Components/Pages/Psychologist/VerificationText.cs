using ClinicPortal.Domain.ProgressNotes;

namespace ClinicPortal.Web.Components.Pages.Psychologist;

/// <summary>Sentences that report the outcome of "Verify record".</summary>
internal static class VerificationText
{
    public static string Describe(RecordVerification result)
    {
        var addenda = result.AddendumCount == 1 ? "its addendum" : $"its {result.AddendumCount} addenda";
        if (result.IsIntact)
        {
            return result.NoteMatches is null
                ? $"No mismatch found in {addenda}. The note itself was signed before notes were hashed, so it has no hash to check."
                : $"Record verified: the note and {addenda} match the hashes recorded at signing.";
        }

        var problems = new List<string>();
        if (result.NoteMatches == false)
        {
            problems.Add("the note no longer matches the hash recorded when it was signed");
        }

        if (result.MismatchedAddendumIds.Count > 0)
        {
            problems.Add($"addenda {string.Join(", ", result.MismatchedAddendumIds)} no longer match their hashes");
        }

        return $"Mismatch: {string.Join(", and ", problems)}. The stored record was changed outside the portal; tell the clinic's administrator.";
    }
}
