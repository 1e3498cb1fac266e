using ClinicPortal.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicPortal.Tests.Browser;

/// <summary>The browser contexts of one test. Each <see cref="OpenPageAsync"/> is a separate user.</summary>
public sealed class BrowserSession(IBrowser browser, PortalProcess portal) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<PortalPage> pages = [];

    public PortalProcess Portal => portal;

    /// <summary>Opens a tab in a new browser context, 1280 by 800 pixels unless <paramref name="viewport"/> is given.</summary>
    public async Task<PortalPage> OpenPageAsync(ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        contexts.Add(context);

        var page = new PortalPage(await context.NewPageAsync());
        pages.Add(page);
        return page;
    }

    /// <summary>Opens a page for a demo account and signs it in.</summary>
    public async Task<PortalPage> SignInAsync(string email, ViewportSize? viewport = null)
    {
        var page = await OpenPageAsync(viewport);
        await page.SignInAsync(email, DemoAccounts.Password);
        return page;
    }

    /// <summary>Throws with their text when any page logged a console error or raised an uncaught exception.</summary>
    public void AssertNoBrowserErrors()
    {
        var errors = pages.SelectMany(page => page.BrowserErrors).ToList();
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"The browser reported {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
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
                await pages[i].Page.ScreenshotAsync(new() { Path = path, FullPage = true });
                output.WriteLine($"Screenshot of page {i + 1} ({pages[i].Page.Url}): {path}");
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
