using System.Runtime.CompilerServices;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// One fake Twilio server, one app process sending through it and one headless Chromium, shared
/// by the tests of <see cref="BrowserCollection"/>. Those tests run one after another and share
/// the app's database and the fake server's record of requests.
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private PortalProcess? portal;
    private FakeTwilioServer? twilio;

    public PortalProcess Portal => portal ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public FakeTwilioServer Twilio => twilio ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async Task InitializeAsync()
    {
        // Checked first, so a missing browser fails fast and names the fix.
        Chromium.EnsureInstalled();

        // Playwright's default of 5 s is short for the first Blazor render after the app starts.
        Assertions.SetDefaultExpectTimeout(15_000);

        twilio = await FakeTwilioServer.StartAsync();
        portal = await PortalProcess.StartAsync(new PortalProcessOptions { Settings = ClinicPortal.Tests.Process.ProcessSettings.WithFakeTwilio(twilio) });
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    /// <summary>Runs a test in fresh browser contexts; when it fails, saves screenshots and the app's output before rethrowing.</summary>
    public async Task RunAsync(ITestOutputHelper output, Func<BrowserSession, Task> test, [CallerMemberName] string testName = "")
    {
        await using var session = new BrowserSession(browser!, Portal);
        try
        {
            await test(session);
            session.AssertNoBrowserErrors();
        }
        catch
        {
            await session.SaveFailureArtifactsAsync(testName, output);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();

        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (twilio is not null)
        {
            await twilio.DisposeAsync();
        }
    }
}
