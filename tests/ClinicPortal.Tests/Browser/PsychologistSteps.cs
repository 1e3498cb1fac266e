using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>What the demo psychologist does in the browser: open a patient and write a note.</summary>
internal static class PsychologistSteps
{
    public const string Subjective = "Sleeping better; back to morning walks.";
    public const string Objective = "Affect brighter than last session. OBJECTIVE-NOT-SHARED";
    public const string Assessment = "Depressive symptoms easing. ASSESSMENT-NOT-SHARED";
    public const string Plan = "Keep a sleep diary.";
    public const int ProgressRating = 7;

    /// <summary>
    /// Opens the patient from My patients, writes a note with the texts above, waits until the SMS
    /// preview shows the plan, signs it, and returns the preview's text and facts as shown before signing.
    /// </summary>
    public static async Task<(string Text, string Facts)> WriteNoteAsync(PortalPage psychologist, string patientName)
    {
        var page = psychologist.Page;
        await psychologist.GotoInteractiveAsync("/psychologist/patients");
        await page.GetByRole(AriaRole.Link, new() { Name = patientName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New note" }).ClickAsync();

        await page.GetByLabel("Subjective").FillAsync(Subjective);
        await page.GetByLabel("Objective").FillAsync(Objective);
        await page.GetByLabel("Assessment").FillAsync(Assessment);
        await page.GetByLabel("Progress rating").FillAsync(ProgressRating.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Plan").FillAsync(Plan);

        // The rating is taken when its input loses focus, which filling the plan did. The preview is
        // rebuilt once typing pauses, so it is read only after it shows the last text typed.
        var preview = page.Locator("#sms-preview");
        await Expect(preview).ToContainTextAsync(Plan);
        await Expect(preview).ToContainTextAsync($"Progress Rating: {ProgressRating}/10");
        var text = await preview.TextContentAsync() ?? "";
        var facts = await page.Locator("#sms-preview-facts").TextContentAsync() ?? "";

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign note" }).ClickAsync();
        await Expect(page.Locator("#note-signed")).ToHaveTextAsync("Note signed.");
        return (text, facts.Trim());
    }

    /// <summary>
    /// Returns the SMS the note above produces, written out rather than built with
    /// ProgressSummaryBuilder, so the tests check the text a contact receives.
    /// </summary>
    public static string ExpectedSms(string patientName, DateOnly sessionDate) => string.Join(
        "\n",
        "Progress Update for " + patientName,
        "",
        "Session Date: " + sessionDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        $"Progress Rating: {ProgressRating}/10",
        "",
        "General Update:",
        Subjective,
        "",
        "Next Steps:",
        Plan,
        "",
        "---",
        "This is an automated update. If you have concerns, please contact the clinic directly.");

    /// <summary>Returns today's date in the clinic's time zone, which the editor proposes as the session date.</summary>
    public static DateOnly TodayInClinicTimeZone()
    {
        var clinicTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, clinicTimeZone).DateTime);
    }
}
