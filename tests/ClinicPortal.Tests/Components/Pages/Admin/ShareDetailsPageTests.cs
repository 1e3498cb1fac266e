using Bunit;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Pages.Admin;

public sealed class ShareDetailsPageTests : ClinicComponentTestContext
{
    [Fact]
    public async Task Reveal_ShowsNumberAndRecordsAccess()
    {
        var psychologistId = await Data.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        var patientId = await Data.AddPatientAsync(await Data.AddUserAsync("mia@clinicportal.test", ClinicRoles.Patient), "Mia", "Thompson", consented: true);
        await Data.AssignAsync(patientId, psychologistId);
        var content = new ProgressNoteContent(Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "Keep a diary.", 7);
        var created = await Services.GetRequiredService<ProgressNoteService>().CreateAsync(psychologistId, patientId, content);
        await Services.GetRequiredService<ClinicPortal.Domain.Sharing.ShareDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var adminId = await Data.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        SignIn(adminId, ClinicRoles.Admin);

        var page = RenderPage<ShareDetailsPage>(("ShareId", created.ShareId));
        page.WaitForAssertion(() => Assert.Equal("*********156", page.Find("#share-recipient").TextContent.Trim()));
        Assert.Equal(0, await Data.QueryAsync(db => db.AccessLog.CountAsync()));
        Assert.Single(page.FindAll("#share-attempts tbody tr.mud-table-row"));

        await page.Find("#reveal-recipient").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(ClinicTestData.ContactPhone, page.Find("#share-recipient").TextContent.Trim()));
        Assert.Empty(page.FindAll("#reveal-recipient"));
        var entry = await Data.QueryAsync(db => db.AccessLog.SingleAsync());
        Assert.Equal((adminId, AccessLogAction.RevealRecipient, $"share {created.ShareId}"), (entry.UserId, entry.Action, entry.Subject));
    }
}
