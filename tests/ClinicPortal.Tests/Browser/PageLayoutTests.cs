using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// Opens every page at a phone width and a desktop width and checks that it renders without
/// horizontal scrolling, browser errors or serious accessibility violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLayoutTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;
    private const int DesktopWidth = 1280;

    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in PageCheck.All)
        {
            data.Add(page.Name, PhoneWidth);
            data.Add(page.Name, DesktopWidth);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_AtWidth_RendersAccessibly(string pageName, int width) => fixture.RunAsync(output, async session =>
    {
        var check = PageCheck.All.Single(page => page.Name == pageName);
        var viewport = new ViewportSize { Width = width, Height = width == PhoneWidth ? 844 : 800 };
        var user = check.Account is null
            ? await session.OpenPageAsync(viewport)
            : await session.SignInAsync(check.Account, viewport);
        var path = await ResolvePathAsync(check, session);

        if (check.Interactive)
        {
            await user.GotoInteractiveAsync(path);
        }
        else
        {
            await user.GotoAsync(path);
        }

        await Expect(user.Page.GetByRole(AriaRole.Heading, new() { Name = check.Heading, Exact = true })).ToBeVisibleAsync();
        var overflow = await user.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the {width} px viewport, so it scrolls sideways.");
        await Accessibility.AssertNoSeriousViolationsAsync(user.Page);
    }, testName: $"{nameof(Page_AtWidth_RendersAccessibly)}-{pageName}-{width}px");

    private static async Task<string> ResolvePathAsync(PageCheck check, BrowserSession session)
    {
        if (!check.Path.Contains(PageCheck.DemoPatientId, StringComparison.Ordinal))
        {
            return check.Path;
        }

        var patientId = await new PortalDatabase(session.Portal.ConnectionString).GetPatientIdAsync(DemoAccounts.PatientEmail);
        return check.Path.Replace(PageCheck.DemoPatientId, patientId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
