using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Web.Components.Pages.Admin;

namespace ClinicPortal.Tests.Components.Pages.Admin;

public sealed class PatientDirectoryTests : ClinicComponentTestContext
{
    [Fact]
    public async Task Table_ListsPatientsWithSharingState()
    {
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        var miaId = await Data.AddPatientAsync(await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient), "Mia", "Thompson", consented: true);
        var aaronId = await Data.AddPatientAsync(await Data.AddUserAsync("aaron@clinicportal.test", ClinicRoles.Patient), "Aaron", "Abbott");
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<PatientDirectory>();

        page.WaitForAssertion(() => Assert.Equal("1-2 of 2", page.Find(".mud-table-page-number-information").TextContent.Trim()));
        var rows = page.FindAll("tbody tr.mud-table-row");
        Assert.Equal(2, rows.Count);
        Assert.Equal("Aaron Abbott", rows[0].QuerySelector("td[data-label='Patient']")!.TextContent.Trim());
        Assert.Equal($"admin/patients/{aaronId}", rows[0].QuerySelector("td[data-label='Patient'] a")!.GetAttribute("href"));
        Assert.Equal("Off", rows[0].QuerySelector("td[data-label='Sharing']")!.TextContent.Trim());
        Assert.Equal("None", rows[0].QuerySelector("td[data-label='Consent version']")!.TextContent.Trim());
        Assert.Equal("Mia Thompson", rows[1].QuerySelector("td[data-label='Patient']")!.TextContent.Trim());
        Assert.Equal($"admin/patients/{miaId}", rows[1].QuerySelector("td[data-label='Patient'] a")!.GetAttribute("href"));
        Assert.Equal("On", rows[1].QuerySelector("td[data-label='Sharing']")!.TextContent.Trim());
        Assert.Equal("1.0", rows[1].QuerySelector("td[data-label='Consent version']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Table_SignedInPsychologist_ShowsAccessDenied()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        SignIn(psychologistId, ClinicRoles.Psychologist);

        var page = RenderPage<PatientDirectory>();

        page.WaitForAssertion(() => Assert.Equal("The patient list is for admins.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("tbody tr.mud-table-row"));
    }
}
