using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Patients;

public sealed class PatientDirectoryServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private PatientDirectoryService _directory = null!;
    private string _adminId = "";
    private string _psychologistId = "";
    private int _patientId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _directory = _database.CreateDirectoryService();
        _adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        _psychologistId = await _database.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
        (_patientId, _) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Assign_Twice_WritesOneAssignment()
    {
        await _directory.AssignAsync(_adminId, _patientId, _psychologistId);
        await _directory.AssignAsync(_adminId, _patientId, _psychologistId);

        var assignment = Assert.Single(await ReadAssignmentsAsync());
        Assert.Equal(_patientId, assignment.PatientId);
        Assert.Equal(_psychologistId, assignment.PsychologistId);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, assignment.AssignedAtUtc);
    }

    [Fact]
    public async Task Assign_UserNotPsychologist_IsFieldError()
    {
        var otherAdminId = await _database.AddUserAsync("second-admin@clinicportal.test", ClinicRoles.Admin);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _directory.AssignAsync(_adminId, _patientId, otherAdminId));

        Assert.Equal([PatientDirectoryService.PsychologistField], error.Errors.Keys);
        Assert.Equal(
            $"User {otherAdminId} is not a psychologist. Choose an account in the Psychologist role.",
            Assert.Single(error.Errors[PatientDirectoryService.PsychologistField]));
        Assert.Empty(await ReadAssignmentsAsync());
    }

    [Fact]
    public async Task Assign_ByPsychologist_RaisesAccessDenied()
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => _directory.AssignAsync(_psychologistId, _patientId, _psychologistId));

        Assert.Equal("This action needs the Admin role.", error.Message);
        Assert.Empty(await ReadAssignmentsAsync());
    }

    [Fact]
    public async Task Assign_UnknownPatient_RaisesNotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _directory.AssignAsync(_adminId, 404, _psychologistId));

        Assert.Equal("Patient 404 was not found.", error.Message);
        Assert.Empty(await ReadAssignmentsAsync());
    }

    [Fact]
    public async Task Unassign_RemovesOnlyThatPsychologist()
    {
        var secondId = await _database.AddUserAsync("ben@clinicportal.test", ClinicRoles.Psychologist);
        await _directory.AssignAsync(_adminId, _patientId, _psychologistId);
        await _directory.AssignAsync(_adminId, _patientId, secondId);

        await _directory.UnassignAsync(_adminId, _patientId, _psychologistId);
        await _directory.UnassignAsync(_adminId, _patientId, _psychologistId);

        var remaining = Assert.Single(await ReadAssignmentsAsync());
        Assert.Equal(secondId, remaining.PsychologistId);
    }

    [Fact]
    public async Task Assign_TwoPsychologists_BothWriteNotes()
    {
        var benId = await _database.AddUserAsync("ben@clinicportal.test", ClinicRoles.Psychologist);
        await _directory.AssignAsync(_adminId, _patientId, _psychologistId);
        await _directory.AssignAsync(_adminId, _patientId, benId);
        var notes = _database.CreateNoteService();
        var content = new ClinicPortal.Domain.ProgressNotes.ProgressNoteContent(ClinicDatabase.Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "", 6);

        var byAva = await notes.CreateAsync(_psychologistId, _patientId, content);
        var byBen = await notes.CreateAsync(benId, _patientId, content);

        Assert.NotEqual(byAva.NoteId, byBen.NoteId);
        Assert.Equal(2, (await ReadAssignmentsAsync()).Count);
    }

    [Fact]
    public async Task Assign_DisabledPsychologist_IsFieldError()
    {
        await _database.CreateAccountService().UpdateAsync(_adminId, _psychologistId, new UpdateAccount(Disabled: true));

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() => _directory.AssignAsync(_adminId, _patientId, _psychologistId));

        Assert.Equal([PatientDirectoryService.PsychologistField], exception.Errors.Keys);
        Assert.Empty(await ReadAssignmentsAsync());
    }

    [Fact]
    public async Task GetPatient_ListsAssignedPsychologistsByName()
    {
        var benId = await _database.AddUserAsync("ben@clinicportal.test", ClinicRoles.Psychologist);
        await _database.AddUserAsync("zoe@clinicportal.test", ClinicRoles.Psychologist);
        await _directory.AssignAsync(_adminId, _patientId, benId);
        await _directory.AssignAsync(_adminId, _patientId, _psychologistId);

        var careTeam = await _directory.GetPatientAsync(_adminId, _patientId);

        Assert.Equal(_patientId, careTeam.PatientId);
        Assert.Equal("Mia Thompson", careTeam.FullName);
        Assert.Equal([_psychologistId, benId], careTeam.Psychologists.Select(p => p.UserId));
        Assert.Equal(["ava@clinicportal.test", "ben@clinicportal.test"], careTeam.Psychologists.Select(p => p.Email));
    }

    [Fact]
    public async Task ListPsychologists_ReturnsOnlyPsychologistRole()
    {
        var benId = await _database.AddUserAsync("ben@clinicportal.test", ClinicRoles.Psychologist);

        var psychologists = await _directory.ListPsychologistsAsync(_adminId);

        Assert.Equal([_psychologistId, benId], psychologists.Select(p => p.UserId));
        Assert.Equal(["ava@clinicportal.test", "ben@clinicportal.test"], psychologists.Select(p => p.Name));
    }

    private async Task<List<PatientAssignment>> ReadAssignmentsAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.PatientAssignments.AsNoTracking().OrderBy(a => a.PsychologistId).ToListAsync();
    }
}
