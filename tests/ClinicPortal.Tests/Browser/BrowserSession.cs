using ClinicPortal.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicPortal.Tests.Browser;

/// <summary>The browser contexts of one test. Each <see cref="OpenPageAsync"/> is a separate user.</summary>
public sealed class BrowserSession(IBrowser browser, PortalProcess portal) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<IPage> pages = [];

    public PortalProcess Portal => portal;

    public async Task<PortalPage> OpenPageAsync()
    {
        var context = await browser.NewContextAsync(new() { BaseURL = portal.BaseAddress.ToString() });
        contexts.Add(context);

        var page = await context.NewPageAsync();
        pages.Add(page);
        return new PortalPage(page);
    }

    /// <summary>Opens a page for a demo account and signs it in.</summary>
    public async Task<PortalPage> SignInAsync(string email)
    {
        var page = await OpenPageAsync();
        await page.SignInAsync(email, DemoAccounts.Password);
        return page;
    }

    /// <summary>Saves a screenshot of every open page and the app's output under the test output folder.</summary>
    public async Task SaveFailureArtifactsAsync(string testName, ITestOutputHelper output)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "BrowserFailures"));

        for (var i = 0; i < pages.Count; i++)
        {
            var path = Path.Combine(folder.FullName, $"{testName}-page{i + 1}.png");
            try
            {
                await pages[i].ScreenshotAsync(new() { Path = path, FullPage = true });
                output.WriteLine($"Screenshot of page {i + 1} ({pages[i].Url}): {path}");
            }
            catch (PlaywrightException exception)
            {
                output.WriteLine($"Saving a screenshot of page {i + 1} failed: {exception.Message}");
            }
        }

        var outputPath = Path.Combine(folder.FullName, $"{testName}-app-output.txt");
        await File.WriteAllTextAsync(outputPath, portal.Output);
        output.WriteLine($"App output: {outputPath}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
