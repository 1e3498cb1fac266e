namespace ClinicPortal.Web.Api;

/// <summary>
/// Makes free text safe to open in a spreadsheet. Excel and LibreOffice run a cell that starts
/// with =, +, - or @ as a formula, so a patient who named themselves "=HYPERLINK(...)" could plant
/// one in an admin's export. Such a cell gets a leading apostrophe, which spreadsheets show as text.
/// </summary>
internal static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Text(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value;
}
