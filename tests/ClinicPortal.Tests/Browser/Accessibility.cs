using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClinicPortal.Tests.Browser;

/// <summary>Runs axe-core (through Deque.AxeCore.Playwright 4.14) on the current state of a page.</summary>
internal static class Accessibility
{
    private static readonly HashSet<string> FailingImpacts = ["serious", "critical"];

    /// <summary>Throws, listing each rule id, impact, target and element, when axe finds a serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();

        var failures = result.Violations
            .Where(violation => violation.Impact is { } impact && FailingImpacts.Contains(impact))
            .SelectMany(violation => violation.Nodes.Select(node =>
                $"{violation.Id} ({violation.Impact}) at {node.Target}: {violation.Help}. HTML: {Shorten(node.Html)}"))
            .ToList();

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"axe found {failures.Count} serious or critical accessibility violation(s) on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }
    }

    private static string Shorten(string html) => html.Length <= 300 ? html : html[..300] + "...";
}
