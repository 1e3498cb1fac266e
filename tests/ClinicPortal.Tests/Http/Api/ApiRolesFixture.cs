using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// One portal with a signed-in client for each role of the authorization matrix, and the records
/// the routes act on. The demo patient, assigned to the demo psychologist, has sharing on and two
/// notes. A second assigned patient has a failed share that only the matrix's resend touches.
/// The unassigned psychologist's account has been renamed twice by the admin.
/// The dispatcher is off, so shares stay as the fixture leaves them.
/// </summary>
public sealed class ApiRolesFixture : IAsyncLifetime
{
    public const string OtherPatientEmail = "noah.other@clinicportal.test";
    public const string UnassignedPsychologistEmail = "unassigned.psychologist@clinicportal.test";

    private readonly Dictionary<ApiRole, HttpClient> _clients = [];

    internal PortalTestHost Host { get; private set; } = null!;

    /// <summary>Id of the demo patient, Mia Thompson.</summary>
    public int PatientId { get; private set; }

    /// <summary>Id of a note the demo psychologist wrote about the demo patient.</summary>
    public int NoteId { get; private set; }

    /// <summary>User id of the unassigned psychologist, whose account the admin routes read and change.</summary>
    public string AccountId { get; private set; } = "";

    /// <summary>Id of a failed share, which an admin may resend.</summary>
    public int FailedShareId { get; private set; }

    public HttpClient Client(ApiRole role) => _clients[role];

    public async Task InitializeAsync()
    {
        Host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        await Host.AddPatientAsync(OtherPatientEmail, "Noah", "Other");
        AccountId = await Host.AddStaffAsync(UnassignedPsychologistEmail, ClinicRoles.Psychologist, "Dr Sam Unassigned");

        _clients[ApiRole.Anonymous] = Host.CreateAnonymousClient();
        _clients[ApiRole.Patient] = await Host.SignInAsync(DemoAccounts.PatientEmail);
        _clients[ApiRole.OtherPatient] = await Host.SignInAsync(OtherPatientEmail);
        _clients[ApiRole.Psychologist] = await Host.SignInAsync(DemoAccounts.PsychologistEmail);
        _clients[ApiRole.UnassignedPsychologist] = await Host.SignInAsync(UnassignedPsychologistEmail);
        _clients[ApiRole.Admin] = await Host.SignInAsync(DemoAccounts.AdminEmail);

        // Every list gets at least two rows, so that paging can be checked: three consent changes and two shares.
        var patient = Client(ApiRole.Patient);
        PatientId = await PortalTestHost.GetOwnPatientIdAsync(patient);
        await PortalTestHost.SetSharingAsync(patient, share: true);
        await PortalTestHost.SetSharingAsync(patient, share: false);
        await PortalTestHost.SetSharingAsync(patient, share: true);
        NoteId = (await PortalTestHost.CreateNoteAsync(Client(ApiRole.Psychologist), ProgressNoteBody.Basic(PatientId))).GetProperty("id").GetInt32();
        await PortalTestHost.CreateNoteAsync(Client(ApiRole.Psychologist), ProgressNoteBody.Basic(PatientId));

        FailedShareId = await AddFailedShareAsync();

        // Two renames give the account audit log two rows.
        await RenameAccountAsync("Dr Samuel Unassigned");
        await RenameAccountAsync("Dr Sam Unassigned");
    }

    private async Task RenameAccountAsync(string displayName)
    {
        var response = await Client(ApiRole.Admin).PatchAsJsonAsync($"/api/admin/accounts/{AccountId}/", new JsonObject { ["display_name"] = displayName });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Creates a consenting patient of the demo psychologist, writes a note about them and marks its share failed.</summary>
    private async Task<int> AddFailedShareAsync()
    {
        const string email = "ella.resend@clinicportal.test";
        var patientId = await Host.AddPatientAsync(email, "Ella", "Resend", DemoAccounts.PsychologistEmail);
        var patient = await Host.SignInAsync(email);
        var contact = await patient.PatchAsJsonAsync("/api/auth/profile/", new JsonObject
        {
            ["emergency_contact_name"] = "Zoe Resend",
            ["emergency_contact_relationship"] = "Sister",
            ["emergency_contact_phone"] = "0491 570 157",
        });
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        await PortalTestHost.SetSharingAsync(patient, share: true);

        var noteId = (await PortalTestHost.CreateNoteAsync(Client(ApiRole.Psychologist), ProgressNoteBody.Basic(patientId))).GetProperty("id").GetInt32();
        await Host.ExecuteSqlAsync($"UPDATE ProgressShares SET Status = 'Failed' WHERE NoteId = {noteId}");
        return (await Host.LoadShareAsync(noteId)).Id;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
