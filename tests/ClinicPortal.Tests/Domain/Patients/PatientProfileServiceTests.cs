using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Domain.Patients;

public sealed class PatientProfileServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private PatientProfileService _profiles = null!;
    private int _patientId;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _profiles = _database.CreateProfileService();
        (_patientId, _userId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EmptyPhone_SharingOn_IsFieldError()
    {
        await _database.CreateConsentService().GrantOwnAsync(_userId);

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _profiles.UpdateOwnAsync(_userId, new UpdatePatientProfile(EmergencyContactPhone: "")));

        Assert.Equal(["EmergencyContactPhone"], error.Errors.Keys);
        Assert.Equal(
            "A mobile number is required while sharing is on. Enter one, or turn off sharing on the preferences page first.",
            Assert.Single(error.Errors["EmergencyContactPhone"]));
        Assert.Equal(DemoAccounts.EmergencyContactPhone, await ReadStoredPhoneAsync());
    }

    [Fact]
    public async Task EmptyPhone_SharingOff_ClearsNumber()
    {
        var profile = await _profiles.UpdateOwnAsync(_userId, new UpdatePatientProfile(EmergencyContactPhone: ""));

        Assert.Null(profile.EmergencyContactPhone);
        Assert.Null(await ReadStoredPhoneAsync());
    }

    [Theory]
    [InlineData("(0491) 570-156", "+61491570156")]
    [InlineData("+61 (0) 491 570 156", "+61491570156")]
    [InlineData("+64 21 123 4567", "+64211234567")]
    public async Task TypedMobile_IsStoredAsE164(string typed, string expectedE164)
    {
        await _profiles.UpdateOwnAsync(_userId, new UpdatePatientProfile(EmergencyContactPhone: ""));

        var profile = await _profiles.UpdateOwnAsync(_userId, new UpdatePatientProfile(EmergencyContactPhone: typed));

        Assert.Equal(expectedE164, profile.EmergencyContactPhone);
        Assert.Equal(expectedE164, await ReadStoredPhoneAsync());
    }

    [Fact]
    public async Task RejectedPhone_KeepsStoredNumber()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _profiles.UpdateOwnAsync(_userId, new UpdatePatientProfile(EmergencyContactPhone: "1300 123 456")));

        Assert.Equal(["EmergencyContactPhone"], error.Errors.Keys);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, await ReadStoredPhoneAsync());
    }

    private async Task<string?> ReadStoredPhoneAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Patients.Where(p => p.Id == _patientId).Select(p => p.EmergencyContactPhone).SingleAsync();
    }
}
