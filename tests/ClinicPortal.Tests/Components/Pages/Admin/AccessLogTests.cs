using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Admin;

public sealed class AccessLogTests : ClinicComponentTestContext
{
    [Fact]
    public async Task Table_NoteRead_ShowsWhoWhenWhichNote()
    {
        var noteId = await SeedReadNoteAsync();
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<AccessLog>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#access-log tbody tr.mud-table-row")));
        Assert.Equal("04/12/2026 2:30 pm", Cell(page, "When"));
        Assert.Equal("ava@clinicportal.test", Cell(page, "User"));
        Assert.Equal("Read a progress note", Cell(page, "Action"));
        Assert.Equal($"note {noteId}", Cell(page, "Record"));
        Assert.DoesNotContain("SUBJECTIVE-NEVER-IN-LOG", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_Psychologist_IsDenied()
    {
        await SeedReadNoteAsync();
        var psychologistId = await Data.AddUserAsync("sam@clinicportal.test", ClinicRoles.Psychologist);
        SignIn(psychologistId, ClinicRoles.Psychologist);

        var page = RenderPage<AccessLog>();

        page.WaitForAssertion(() => Assert.Equal("The access log is for admins.", page.Find(".mud-alert-message").TextContent.Trim()));
        Assert.Empty(page.FindAll("#access-log"));
    }

    private async Task<int> SeedReadNoteAsync()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientUserId = await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient);
        var patientId = await Data.AddPatientAsync(patientUserId, "Mia", "Thompson");
        await Data.AssignAsync(patientId, psychologistId);
        var notes = Services.GetRequiredService<ProgressNoteService>();
        var created = await notes.CreateAsync(psychologistId, patientId, new ProgressNoteContent(Now.UtcDateTime, 1, "SUBJECTIVE-NEVER-IN-LOG", "", "", "", 7));
        await notes.GetAsync(psychologistId, created.NoteId);
        return created.NoteId;
    }

    private static string Cell(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string label) =>
        page.Find($"#access-log td[data-label='{label}']").TextContent.Trim();
}
