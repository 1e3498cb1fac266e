using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Patients;

public sealed class SharingConsentServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private SharingConsentService _consent = null!;
    private string _psychologistId = "";

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _consent = _database.CreateConsentService();
        _psychologistId = await _database.AddUserAsync("ava@clinicportal.test", ClinicRoles.Psychologist);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RecordInSession_UnassignedPatient_RaisesAccessDenied()
    {
        var (patientId, _) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(
            () => _consent.RecordInSessionAsync(_psychologistId, patientId, granted: true, "Verbal consent in session."));

        Assert.Equal($"Patient {patientId} is not assigned to you.", error.Message);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ConsentHistory.CountAsync());
        Assert.False(await db.Patients.Where(p => p.Id == patientId).Select(p => p.ShareProgressWithEmergencyContact).SingleAsync());
    }

    [Fact]
    public async Task RecordInSession_AssignedPatient_WritesOneEntry()
    {
        var (patientId, _) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);

        await _consent.RecordInSessionAsync(_psychologistId, patientId, granted: true, "  Verbal consent in session.  ");

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var entry = Assert.Single(await db.ConsentHistory.ToListAsync());
        Assert.Equal(ConsentAction.Granted, entry.Action);
        Assert.Equal(ConsentMethod.RecordedInSession, entry.Method);
        Assert.Equal("Verbal consent in session.", entry.Note);
        Assert.Equal(_psychologistId, entry.RecordedByUserId);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, entry.RecordedAtUtc);
        Assert.True(await db.Patients.Where(p => p.Id == patientId).Select(p => p.ShareProgressWithEmergencyContact).SingleAsync());
    }

    [Fact]
    public async Task HistoryForPatient_UnknownPatient_RaisesNotFound()
    {
        var adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _consent.GetHistoryForPatientAsync(adminId, 404));

        Assert.Equal("Patient 404 was not found.", error.Message);
    }
}
