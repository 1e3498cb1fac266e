using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Patients;

/// <summary>
/// Emergency contact changes are kept in an append-only history with masked numbers. Removing
/// the contact turns sharing off with the reason, and a pending share goes to the number on file.
/// </summary>
public sealed class EmergencyContactHistoryTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _psychologistId = "";
    private int _patientId;
    private string _patientUserId = "";

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicPortal.Domain.Accounts.ClinicRoles.Psychologist);
        (_patientId, _patientUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NumberChange_IsRecordedMasked()
    {
        await _database.CreateProfileService().UpdateOwnAsync(_patientUserId, new UpdatePatientProfile(EmergencyContactPhone: "0491 570 158"));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var change = await db.EmergencyContactChanges.SingleAsync();
        Assert.Equal(_patientId, change.PatientId);
        Assert.Equal(_patientUserId, change.ChangedByUserId);
        Assert.Equal("*********156", change.OldPhoneMasked);
        Assert.Equal("*********158", change.NewPhoneMasked);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, change.ChangedAtUtc);
    }

    [Fact]
    public async Task ContactHistory_RejectsUpdateAndDelete()
    {
        await _database.CreateProfileService().UpdateOwnAsync(_patientUserId, new UpdatePatientProfile(EmergencyContactPhone: "0491 570 158"));
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlRawAsync("UPDATE EmergencyContactChanges SET NewPhoneMasked = 'x'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(
            () => db.Database.ExecuteSqlRawAsync("DELETE FROM EmergencyContactChanges"));
        db.EmergencyContactChanges.Remove(await db.EmergencyContactChanges.SingleAsync());
        var efDelete = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("EmergencyContactChanges is append-only: entries cannot be updated", update.Message, StringComparison.Ordinal);
        Assert.Contains("EmergencyContactChanges is append-only: entries cannot be deleted", delete.Message, StringComparison.Ordinal);
        Assert.Contains("EmergencyContactChanges is append-only: entries cannot be deleted", efDelete.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveContact_WithSharingOn_WithdrawsWithReason()
    {
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);

        var profile = await _database.CreateProfileService().RemoveOwnEmergencyContactAsync(_patientUserId);
        var preferences = await _database.CreateConsentService().GetOwnAsync(_patientUserId);
        var history = await _database.CreateConsentService().GetOwnHistoryAsync(_patientUserId);

        Assert.Null(profile.EmergencyContactPhone);
        Assert.Null(profile.EmergencyContactName);
        Assert.False(preferences.ShareProgressWithEmergencyContact);
        Assert.Equal(2, history.Count);
        Assert.Equal(ConsentAction.Withdrawn, history[1].Action);
        Assert.Equal("Sharing turned off because the emergency contact was removed.", history[1].Note);
    }

    [Fact]
    public async Task PendingShare_GoesToChangedNumber()
    {
        await _database.CreateConsentService().GrantOwnAsync(_patientUserId);
        var content = new ClinicPortal.Domain.ProgressNotes.ProgressNoteContent(
            ClinicDatabase.Now.UtcDateTime.AddHours(-2), 1, "Sleeping better.", "", "", "Keep a diary.", 7);
        var created = await _database.CreateNoteService().CreateAsync(_psychologistId, _patientId, content);
        await _database.CreateProfileService().UpdateOwnAsync(_patientUserId, new UpdatePatientProfile(EmergencyContactPhone: "0491 570 158"));
        var sender = new RecordingSmsSender();

        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);

        var message = Assert.Single(sender.Messages);
        Assert.Equal("+61491570158", message.To);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal("+61491570158", await db.ProgressShares.Where(s => s.Id == created.ShareId).Select(s => s.RecipientPhone).SingleAsync());
    }
}
