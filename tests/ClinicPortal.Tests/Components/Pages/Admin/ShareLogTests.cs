using AngleSharp.Dom;
using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Admin;

public sealed class ShareLogTests : ClinicComponentTestContext
{
    private const int ShareCount = 60;

    [Fact]
    public async Task Table_PageSizeAndSort_LoadOncePerAction()
    {
        await SeedSharesAsync();
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<ShareLog>();
        page.WaitForAssertion(() => Assert.Equal("1-25 of 60", PagerInfo(page)));
        Assert.Equal(1, ShareLogQueries.Loads);
        Assert.Equal(25, page.FindAll("tbody tr.mud-table-row").Count);

        await page.Find("button[aria-label='Next page']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("26-50 of 60", PagerInfo(page)));
        Assert.Equal(2, ShareLogQueries.Loads);

        await ChooseRowsPerPageAsync(page, "50");
        page.WaitForAssertion(() => Assert.Equal("1-50 of 60", PagerInfo(page)));
        Assert.Equal(3, ShareLogQueries.Loads);
        Assert.Equal(50, page.FindAll("tbody tr.mud-table-row").Count);

        await page.FindAll(".mud-table-sort-label").Single(label => label.TextContent.Trim() == "Patient").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Aaron Abbott", page.Find("tbody tr.mud-table-row td[data-label='Patient']").TextContent.Trim()));
        Assert.Equal(4, ShareLogQueries.Loads);
        Assert.Equal("1-50 of 60", PagerInfo(page));
    }

    [Theory]
    [InlineData("abc", "1-25 of 60")]
    [InlineData("", "1-25 of 60")]
    public async Task PatientQueryNotANumber_ShowsWholeLog(string patientQuery, string expectedPager)
    {
        await SeedSharesAsync();
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/share-log?patient=" + patientQuery);

        var page = RenderPage<ShareLog>();

        page.WaitForAssertion(() => Assert.Equal(expectedPager, PagerInfo(page)));
    }

    [Fact]
    public async Task Filter_FromSecondPage_LoadsFirstPageOnce()
    {
        await SeedSharesAsync();
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);
        var page = RenderPage<ShareLog>();
        page.WaitForAssertion(() => Assert.Equal("1-25 of 60", PagerInfo(page)));
        await page.Find("button[aria-label='Next page']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("26-50 of 60", PagerInfo(page)));
        Assert.Equal(2, ShareLogQueries.Loads);

        await page.Find(".share-log-search input").InputAsync(new ChangeEventArgs { Value = "abbott" });

        page.WaitForAssertion(() => Assert.Equal("1-1 of 1", PagerInfo(page)), TimeSpan.FromSeconds(5));
        Assert.Equal(3, ShareLogQueries.Loads);
        Assert.Equal("Aaron Abbott", page.Find("tbody tr.mud-table-row td[data-label='Patient']").TextContent.Trim());
    }

    [Fact]
    public async Task Export_PassesFiltersAndOrderToApi()
    {
        await SeedSharesAsync();
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);
        var module = JSInterop.SetupModule("./Components/Pages/Admin/ShareLogExportButton.razor.js");
        var download = module.Setup<int>("downloadCsv", _ => true);
        var page = RenderPage<ShareLog>();
        page.WaitForAssertion(() => Assert.Equal("1-25 of 60", PagerInfo(page)));
        await page.Find(".share-log-search input").InputAsync(new ChangeEventArgs { Value = "thompson" });
        page.WaitForAssertion(() => Assert.Equal("1-25 of 59", PagerInfo(page)), TimeSpan.FromSeconds(5));

        // The click's handler waits for the download, so the test resolves it after checking the progress bar.
        var click = page.Find("#export-share-log").ClickAsync(new());
        // Lets the renderer run the handler up to the download call: the module import completes first.
        await page.InvokeAsync(() => { });
        await page.InvokeAsync(() => { });
        var invocation = Assert.Single(download.Invocations);
        Assert.Equal("0 of 59 rows", page.Find("#export-progress").TextContent.Trim());
        var progress = Assert.IsType<DotNetObjectReference<ShareLogExportButton>>(invocation.Arguments[2]);
        await page.InvokeAsync(() => progress.Value.ReportProgress(30));
        Assert.Equal("30 of 59 rows", page.Find("#export-progress").TextContent.Trim());
        download.SetResult(59);
        await click;

        Assert.Equal("api/admin/share-log/csv/?search=thompson&ordering=-created_at", invocation.Arguments[0]);
        Assert.Equal("share-log.csv", invocation.Arguments[1]);
        page.WaitForAssertion(() => Assert.Contains("Exported 59 rows to share-log.csv.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#export-progress"));
    }

    [Fact]
    public async Task Table_SkippedShare_ShowsReason()
    {
        await SeedSharesAsync(count: 1);
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<ShareLog>();

        page.WaitForAssertion(() => Assert.Equal("1-1 of 1", PagerInfo(page)));
        var row = page.Find("tbody tr.mud-table-row");
        Assert.Equal("04/12/2026 2:30 pm", row.QuerySelector("td[data-label='Created']")!.TextContent.Trim());
        Assert.Equal("Skipped", row.QuerySelector("td[data-label='Status']")!.TextContent.Trim());
        Assert.Equal(
            "The patient has not consented to sharing progress with their emergency contact.",
            row.QuerySelector("td[data-label='Reason or error']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Table_WithheldShare_ShowsReasonGiven()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientId = await Data.AddPatientAsync(await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient), "Mia", "Thompson", consented: true);
        await Data.AssignAsync(patientId, psychologistId);
        var content = new ProgressNoteContent(Now.UtcDateTime.AddHours(-1), 1, "Risk disclosed.", "", "", "", 6);
        await Services.GetRequiredService<NoteSigningService>().SignAsync(
            psychologistId, patientId, null, content, new SignOptions(ShareChoice.WithholdFor("Risk information in the subjective.")));
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<ShareLog>();

        page.WaitForAssertion(() => Assert.Equal("1-1 of 1", PagerInfo(page)));
        Assert.Equal(
            "The psychologist decided not to share this update. Reason given: Risk information in the subjective.",
            page.Find("tbody tr.mud-table-row td[data-label='Reason or error']").TextContent.Trim());
    }

    /// <summary>Creates skipped shares: one note each for Mia Thompson, and one more for Aaron Abbott, who sorts first by name.</summary>
    private async Task SeedSharesAsync(int count = ShareCount)
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var miaId = await Data.AddPatientAsync(await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient), "Mia", "Thompson");
        await Data.AssignAsync(miaId, psychologistId);
        var notes = Services.GetRequiredService<ProgressNoteService>();
        var content = new ProgressNoteContent(Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "", 6);

        for (var i = 0; i < count - 1; i++)
        {
            await notes.CreateAsync(psychologistId, miaId, content);
        }

        if (count > 1)
        {
            var aaronId = await Data.AddPatientAsync(await Data.AddUserAsync("aaron@clinicportal.test", ClinicRoles.Patient), "Aaron", "Abbott");
            await Data.AssignAsync(aaronId, psychologistId);
            await notes.CreateAsync(psychologistId, aaronId, content);
        }
        else
        {
            await notes.CreateAsync(psychologistId, miaId, content);
        }
    }

    private static string PagerInfo(IRenderedComponent<IComponent> page) =>
        page.Find(".mud-table-page-number-information").TextContent.Trim();

    /// <summary>Opens the pager's rows-per-page select and picks an option, as a user would.</summary>
    private static async Task ChooseRowsPerPageAsync(IRenderedComponent<IComponent> page, string option)
    {
        await page.Find(".mud-input-control.mud-table-pagination-select").MouseDownAsync(new());
        page.WaitForElement(".mud-popover-open .mud-list-item");
        await page.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == option).ClickAsync(new());
    }
}
