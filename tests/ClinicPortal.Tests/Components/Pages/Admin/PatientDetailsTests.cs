using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Admin;

public sealed class PatientDetailsTests : ClinicComponentTestContext
{
    private const string AvaEmail = "ava@clinicportal.test";

    [Fact]
    public async Task Assign_ChosenPsychologist_GainsPatient()
    {
        var (patientId, avaId) = await SeedAsync(assigned: false);
        var page = RenderPage<PatientDetails>(("PatientId", patientId));
        page.WaitForElement("#no-psychologists");

        await ChoosePsychologistAsync(page, $"{AvaEmail} ({AvaEmail})");
        await page.Find("#assign-psychologist").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(AvaEmail, page.Find("#assigned-psychologists td[data-label='Psychologist']").TextContent.Trim()));
        Assert.Empty(page.FindAll("#no-psychologists"));
        Assert.Equal("Every psychologist is already assigned to this patient.", page.Find("#no-psychologists-to-assign").TextContent.Trim());
        var treated = Assert.Single(await Services.GetRequiredService<ProgressNoteService>().ListMyPatientsAsync(avaId));
        Assert.Equal(patientId, treated.Id);
        Assert.Equal("Mia Thompson", treated.FullName);
    }

    [Fact]
    public async Task Remove_AssignedPsychologist_LosesPatient()
    {
        var (patientId, avaId) = await SeedAsync(assigned: true);
        var page = RenderPage<PatientDetails>(("PatientId", patientId));
        page.WaitForElement("#assigned-psychologists");

        await page.Find($"button[aria-label='Remove {AvaEmail} from Mia Thompson']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "No psychologist is assigned to this patient.", page.Find("#no-psychologists").TextContent.Trim()));
        Assert.Empty(await Services.GetRequiredService<ProgressNoteService>().ListMyPatientsAsync(avaId));
        Assert.Equal(0, await Data.QueryAsync(db => db.PatientAssignments.CountAsync()));
    }

    [Fact]
    public async Task ConsentHistory_ShowsEntriesReadOnly()
    {
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson", consented: true);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<PatientDetails>(("PatientId", patientId));

        page.WaitForElement("#consent-history");
        var row = page.Find("#consent-history tbody tr.mud-table-row");
        Assert.Equal("04/12/2026 2:30 pm", Cell(row, "Date"));
        Assert.Equal("Consent given", Cell(row, "Action"));
        Assert.Equal("1.0", Cell(row, "Version"));
        Assert.Equal("Patient portal", Cell(row, "Method"));
        Assert.Equal("mia@clinicportal.test", Cell(row, "Recorded by"));
        Assert.Equal("", Cell(row, "Note"));
        Assert.Single(page.FindAll("#consent-history tbody tr.mud-table-row"));
        Assert.Empty(page.FindAll("#record-consent"));
    }

    [Fact]
    public async Task Page_UnknownPatient_SaysNotFound()
    {
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<PatientDetails>(("PatientId", 404));

        page.WaitForAssertion(() => Assert.Equal("Patient 404 was not found.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#assign-psychologist"));
    }

    [Fact]
    public async Task Page_SignedInPsychologist_ShowsAccessDenied()
    {
        var (patientId, avaId) = await SeedAsync(assigned: true);
        SignIn(avaId, ClinicRoles.Psychologist);

        var page = RenderPage<PatientDetails>(("PatientId", patientId));

        page.WaitForAssertion(() => Assert.Equal("This page is for admins.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#assigned-psychologists"));
    }

    /// <summary>Adds an admin (signed in), Dr Ava and patient Mia Thompson, assigned to Ava or not.</summary>
    private async Task<(int PatientId, string AvaId)> SeedAsync(bool assigned)
    {
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        var avaId = await Data.AddUserAsync(AvaEmail, ClinicRoles.Psychologist);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson");
        if (assigned)
        {
            await Data.AssignAsync(patientId, avaId);
        }

        SignIn(adminId, ClinicRoles.Admin);
        return (patientId, avaId);
    }

    private static string Cell(AngleSharp.Dom.IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    /// <summary>Opens the assign select and picks an option, as a user would.</summary>
    private static async Task ChoosePsychologistAsync(IRenderedComponent<IComponent> page, string option)
    {
        await page.Find(".mud-input-control.assign-psychologist").MouseDownAsync(new());
        page.WaitForElement(".mud-popover-open .mud-list-item");
        await page.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == option).ClickAsync(new());
    }
}
