using Microsoft.Playwright;

namespace ClinicPortal.Tests.Browser;

/// <summary>Launch settings of Debian's Chromium package, which the browser tests use instead of a Playwright download.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Headless without a sandbox, because the tests may run as root. The other flags stop
    /// Chromium's own connections to Google's services, which fail on a machine without internet.
    /// </summary>
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    /// <summary>Throws with the install instructions when Chromium is missing, so the browser tests fail instead of being skipped.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}, so the browser tests cannot run. Run scripts/test.sh, which installs Debian's chromium package with apt-get.");
        }
    }

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = Arguments,
    };
}
