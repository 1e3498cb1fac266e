using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Accounts;

/// <summary>
/// Account administration: creating staff accounts, role changes and disabling that take effect
/// at the next action of an open session, unlocking, and the audit log of every change.
/// </summary>
public sealed class AccountServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private AccountService _accounts = null!;
    private string _adminId = "";
    private string _psychologistId = "";
    private int _patientId;

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _accounts = _database.CreateAccountService();
        _adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        (_patientId, _) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs an account change and returns the exception it raised, or null when it succeeded.</summary>
    private static async Task<Exception?> Attempt(Func<Task> change)
    {
        try
        {
            await Task.Run(change);
            return null;
        }
        catch (Exception exception) when (exception is AccessDeniedException or DomainValidationException)
        {
            return exception;
        }
    }

    [Fact]
    public async Task Create_StaffAccount_WithoutPasswordAndAudited()
    {
        var account = await _accounts.CreateAsync(_adminId, new CreateAccount(" Noah.Kim@Clinicportal.test ", "Dr Noah Kim", ["psychologist"]));

        Assert.Equal("Noah.Kim@Clinicportal.test", account.Email);
        Assert.Equal("Dr Noah Kim", account.DisplayName);
        Assert.Equal([ClinicRoles.Psychologist], account.Roles);
        Assert.False(account.HasPassword);
        Assert.False(account.Disabled);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Id == account.Id);
        Assert.Equal("NOAH.KIM@CLINICPORTAL.TEST", user.NormalizedUserName);
        Assert.True(user.LockoutEnabled);
        Assert.NotNull(user.SecurityStamp);

        var audit = await _accounts.ListAuditAsync(_adminId, new PageRequest());
        var entry = Assert.Single(audit.Results);
        Assert.Equal("admin@clinicportal.test", entry.ActorEmail);
        Assert.Equal("Noah.Kim@Clinicportal.test", entry.TargetEmail);
        Assert.Equal(AccountAuditAction.Created, entry.Action);
        Assert.Equal("Noah.Kim@Clinicportal.test, roles: Psychologist", entry.Detail);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, entry.OccurredAtUtc);
    }

    [Fact]
    public async Task Create_InvalidFields_RejectedByName()
    {
        var exception = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateAsync(_adminId, new CreateAccount("not-an-email", "", ["Patient"])));

        Assert.Equal(["DisplayName", "Email", "Roles"], exception.Errors.Keys.Order());
        Assert.Equal("'not-an-email' is not a valid email address. Enter one such as name@example.com, of at most 256 characters.", exception.Errors["Email"].Single());
        Assert.Equal("'Patient' is not a role an admin can give. Choose Psychologist or Admin.", exception.Errors["Roles"].Single());
    }

    [Fact]
    public async Task Create_TakenEmail_Rejected()
    {
        var exception = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.CreateAsync(_adminId, new CreateAccount("AVA.PATEL@clinicportal.test", "Dr Ava Patel", [ClinicRoles.Psychologist])));

        Assert.Equal("An account with the email AVA.PATEL@clinicportal.test already exists. Use another email, or change that account.", exception.Errors["Email"].Single());
    }

    [Fact]
    public async Task RoleRemoved_OpenSessionRejectedAtNextAction()
    {
        var notes = _database.CreateNoteService();
        var content = new ProgressNoteContent(ClinicDatabase.Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "", 6);
        await notes.CreateAsync(_psychologistId, _patientId, content);
        var stampBefore = await ReadStampAsync(_psychologistId);

        var changed = await _accounts.UpdateAsync(_adminId, _psychologistId, new UpdateAccount(Roles: [ClinicRoles.Admin]));

        Assert.Equal([ClinicRoles.Admin], changed.Roles);
        Assert.NotEqual(stampBefore, await ReadStampAsync(_psychologistId));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => notes.CreateAsync(_psychologistId, _patientId, content));
        Assert.Equal("This action needs the Psychologist role.", denied.Message);

        var entry = (await _accounts.ListAuditAsync(_adminId, new PageRequest())).Results.Single();
        Assert.Equal(AccountAuditAction.RolesChanged, entry.Action);
        Assert.Equal("roles: Psychologist -> Admin", entry.Detail);
    }

    [Fact]
    public async Task Disabled_EveryServiceRejects_EnableRestores()
    {
        var notes = _database.CreateNoteService();
        var content = new ProgressNoteContent(ClinicDatabase.Now.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "", 6);
        var stampBefore = await ReadStampAsync(_psychologistId);

        var disabled = await _accounts.UpdateAsync(_adminId, _psychologistId, new UpdateAccount(Disabled: true));

        Assert.True(disabled.Disabled);
        Assert.NotEqual(stampBefore, await ReadStampAsync(_psychologistId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => notes.CreateAsync(_psychologistId, _patientId, content));

        await _accounts.UpdateAsync(_adminId, _psychologistId, new UpdateAccount(Disabled: false));
        var created = await notes.CreateAsync(_psychologistId, _patientId, content);

        Assert.True(created.NoteId > 0);
        var actions = (await _accounts.ListAuditAsync(_adminId, new PageRequest())).Results.Select(e => e.Action);
        Assert.Equal([AccountAuditAction.Enabled, AccountAuditAction.Disabled], actions);
    }

    [Fact]
    public async Task OwnAccount_CannotDisableOrDropAdmin()
    {
        var disable = await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.UpdateAsync(_adminId, _adminId, new UpdateAccount(Disabled: true)));
        var demote = await Assert.ThrowsAsync<DomainValidationException>(() => _accounts.UpdateAsync(_adminId, _adminId, new UpdateAccount(Roles: [ClinicRoles.Psychologist])));

        Assert.Equal("You cannot disable your own account. Ask another admin to do it.", disable.Errors["Disabled"].Single());
        Assert.Equal("You cannot remove your own Admin role. Ask another admin to do it.", demote.Errors["Roles"].Single());
        Assert.Equal(0, (await _accounts.ListAuditAsync(_adminId, new PageRequest())).Count);
    }

    [Fact]
    public async Task TwoAdminsDemoteEachOther_OneAdminRemains()
    {
        var secondAdminId = await _database.AddUserAsync("second.admin@clinicportal.test", ClinicRoles.Admin);
        var secondAccounts = _database.CreateAccountService();

        var outcomes = await Task.WhenAll(
            Attempt(() => _accounts.UpdateAsync(_adminId, secondAdminId, new UpdateAccount([ClinicRoles.Psychologist], null, null))),
            Attempt(() => secondAccounts.UpdateAsync(secondAdminId, _adminId, new UpdateAccount([ClinicRoles.Psychologist], null, null))));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var adminRoleId = await db.Roles.Where(r => r.Name == ClinicRoles.Admin).Select(r => r.Id).SingleAsync();
        var admins = await db.UserRoles.CountAsync(ur => ur.RoleId == adminRoleId && (ur.UserId == _adminId || ur.UserId == secondAdminId));
        Assert.Equal(1, admins);
        Assert.Single(outcomes, outcome => outcome is null);
        Assert.Single(outcomes, outcome => outcome is AccessDeniedException);
    }

    [Fact]
    public async Task PatientAccount_RolesCannotChange()
    {
        var patientUserId = await _database.Contexts.CreateDbContext().Patients.Where(p => p.Id == _patientId).Select(p => p.UserId).SingleAsync();

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _accounts.UpdateAsync(_adminId, patientUserId, new UpdateAccount(Roles: [ClinicRoles.Admin])));

        Assert.Equal("This is a patient's account; its role cannot be changed. Create a separate staff account instead.", exception.Errors["Roles"].Single());
    }

    [Fact]
    public async Task Unlock_ClearsLockoutAndFailures()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Id == _psychologistId);
            user.LockoutEnd = new DateTimeOffset(ClinicDatabase.Now.UtcDateTime.AddMinutes(15));
            user.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }

        var locked = await _accounts.GetAsync(_adminId, _psychologistId);
        var unlocked = await _accounts.UnlockAsync(_adminId, _psychologistId);

        Assert.Equal(ClinicDatabase.Now.UtcDateTime.AddMinutes(15), locked.LockedOutUntilUtc);
        Assert.Null(unlocked.LockedOutUntilUtc);
        await using var check = await _database.Contexts.CreateDbContextAsync();
        var stored = await check.Users.SingleAsync(u => u.Id == _psychologistId);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        var entry = (await _accounts.ListAuditAsync(_adminId, new PageRequest())).Results.Single();
        Assert.Equal(AccountAuditAction.Unlocked, entry.Action);
        Assert.Equal("was locked until 2025-02-01 00:15:00Z", entry.Detail);
    }

    [Fact]
    public async Task NonAdmin_Rejected()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _accounts.ListAsync(_psychologistId, new PageRequest()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _accounts.UnlockAsync(_psychologistId, _adminId));
    }

    [Fact]
    public async Task AuditLog_RejectsUpdateAndDelete()
    {
        await _accounts.UnlockAsync(_adminId, _psychologistId);
        await _accounts.UpdateAsync(_adminId, _psychologistId, new UpdateAccount(DisplayName: "Dr Ava Patel-Nguyen"));
        await using var db = await _database.Contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AccountAuditLog SET Detail = 'changed'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AccountAuditLog"));

        Assert.Contains("AccountAuditLog is append-only: entries cannot be updated", update.Message, StringComparison.Ordinal);
        Assert.Contains("AccountAuditLog is append-only: entries cannot be deleted", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Set<AccountAuditEntry>().CountAsync());
    }

    private async Task<string?> ReadStampAsync(string userId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }
}
