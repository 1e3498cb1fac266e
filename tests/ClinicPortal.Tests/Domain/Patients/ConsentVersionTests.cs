using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Patients;

/// <summary>
/// Consent counts only under the consent version in force: after the version changes, notes are
/// skipped as out of date until the patient agrees to the new version.
/// </summary>
public sealed class ConsentVersionTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _psychologistId = "";
    private int _patientId;
    private string _patientUserId = "";

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        (_patientId, _patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task VersionChange_SkipsUntilPatientAgrees()
    {
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);
        _database.SharingOptions.ConsentVersion = "1.1";

        var skipped = await CreateNoteAsync();
        var preferences = await _database.CreateConsentService().GetOwnAsync(_patientUserId);
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId, "1.1");
        var shared = await CreateNoteAsync();

        Assert.Equal(ShareStatus.Skipped, skipped.ShareStatus);
        Assert.Equal(ShareReason.ConsentOutOfDate, skipped.ShareReason);
        Assert.True(preferences.ConsentOutOfDate);
        Assert.Equal("1.0", preferences.ConsentVersion);
        Assert.Equal(ShareStatus.Pending, shared.ShareStatus);
        Assert.Equal("1.1", await QueryAsync(db => db.ProgressShares.Where(s => s.Id == shared.ShareId).Select(s => s.ConsentVersion).SingleAsync()));
    }

    [Fact]
    public async Task VersionChangeBeforeSending_SkipsPendingShare()
    {
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);
        var created = await CreateNoteAsync();
        _database.SharingOptions.ConsentVersion = "1.1";
        var sender = new RecordingSmsSender();

        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);
        var share = await QueryAsync(db => db.ProgressShares.SingleAsync(s => s.Id == created.ShareId));

        Assert.Equal(ShareStatus.Pending, created.ShareStatus);
        Assert.Equal(ShareStatus.Skipped, share.Status);
        Assert.Equal(ShareReason.ConsentOutOfDate, share.Reason);
        Assert.Empty(sender.Messages);
    }

    [Fact]
    public async Task AgreeToOtherVersion_IsRejected()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateConsentService().GrantOwnAsync(_patientUserId, "0.9"));

        Assert.Equal(
            "Version 0.9 is not the consent version in force, which is 1.0. Read the current consent text and agree to version 1.0.",
            Assert.Single(error.Errors["Version"]));
        Assert.Equal(0, await QueryAsync(db => db.ConsentHistory.CountAsync()));
    }

    [Fact]
    public async Task RecordInSession_WithoutNote_IsRejected()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _database.CreateConsentService().RecordInSessionAsync(_psychologistId, _patientId, granted: true, note: "  "));

        Assert.StartsWith("Describe how the patient gave or withdrew consent", Assert.Single(error.Errors["Note"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.ConsentHistory.CountAsync()));
    }

    [Fact]
    public async Task RecordInSession_UnassignedPsychologist_IsDenied()
    {
        var otherPsychologistId = await _database.AddUserAsync("noah.smith@clinicportal.test", ClinicRoles.Psychologist);

        await Assert.ThrowsAsync<AccessDeniedException>(
            () => _database.CreateConsentService().RecordInSessionAsync(otherPsychologistId, _patientId, granted: true, note: "Verbal consent."));

        Assert.Equal(0, await QueryAsync(db => db.ConsentHistory.CountAsync()));
    }

    [Fact]
    public async Task RecordInSession_WithNote_RecordsStaffEntry()
    {
        await _database.CreateConsentService().RecordInSessionAsync(_psychologistId, _patientId, granted: true, note: " Verbal consent after reading the text. ");

        var history = await _database.CreateConsentService().GetHistoryForPatientAsync(_psychologistId, _patientId);
        var entry = Assert.Single(history);
        Assert.Equal(ConsentAction.Granted, entry.Action);
        Assert.Equal(ConsentMethod.RecordedInSession, entry.Method);
        Assert.Equal("Verbal consent after reading the text.", entry.Note);
        Assert.Equal("ava.patel@clinicportal.test", entry.RecordedBy);
        Assert.Equal("1.0", entry.Version);
        Assert.True(await QueryAsync(db => db.Patients.Where(p => p.Id == _patientId).Select(p => p.ShareProgressWithEmergencyContact).SingleAsync()));
    }

    private Task<CreatedProgressNote> CreateNoteAsync()
    {
        var content = new ProgressNoteContent(ClinicDatabase.Now.UtcDateTime.AddHours(-2), 1, "Sleeping better.", "", "", "Keep a diary.", 7);
        return _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
    }

    private async Task<T> QueryAsync<T>(Func<ClinicPortal.Domain.Persistence.ClinicDbContext, Task<T>> query)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await query(db);
    }
}
