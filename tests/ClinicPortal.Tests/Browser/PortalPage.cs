using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>A browser tab of one user, in its own browser context, so each user has their own cookies.</summary>
public sealed class PortalPage
{
    private readonly BlazorCircuitWatcher circuit;
    private readonly List<string> browserErrors = [];

    internal PortalPage(IPage page)
    {
        Page = page;
        circuit = new BlazorCircuitWatcher(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                AddBrowserError($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => AddBrowserError($"uncaught exception on {page.Url}: {error}");
    }

    public IPage Page { get; }

    /// <summary>Console messages of type error and uncaught exceptions, in the order they happened.</summary>
    public IReadOnlyList<string> BrowserErrors
    {
        get
        {
            lock (browserErrors)
            {
                return browserErrors.ToArray();
            }
        }
    }

    /// <summary>Opens a page, and explains Chromium's error for an HTTP error status with an empty body.</summary>
    public async Task GotoAsync(string path)
    {
        try
        {
            await Page.GotoAsync(path);
        }
        catch (PlaywrightException exception) when (exception.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Opening {path} failed: the app returned an HTTP error status with an empty body, as it does with 404 when no page has that route. {exception.Message}",
                exception);
        }
    }

    /// <summary>Opens an interactive page and waits until its circuit handles events, so clicks are not lost on prerendered markup.</summary>
    public async Task GotoInteractiveAsync(string path)
    {
        circuit.Reset();
        await GotoAsync(path);
        await circuit.WaitUntilInteractiveAsync();

        // The first render batch can be HeadOutlet's alone, which leaves the page prerendered.
        // The layout marks its main content once the page itself renders on the circuit.
        await Expect(Page.Locator(".mud-main-content[data-interactive]")).ToBeAttachedAsync();
    }

    /// <summary>
    /// Signs in through the statically rendered login form and returns the response to its POST.
    /// The browser then follows that response to the signed-in page.
    /// </summary>
    public async Task<IResponse> SignInAsync(string email, string password)
    {
        await GotoAsync("/Account/Login");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);

        return await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/Account/Login");
    }

    private void AddBrowserError(string error)
    {
        lock (browserErrors)
        {
            browserErrors.Add(error);
        }
    }
}
