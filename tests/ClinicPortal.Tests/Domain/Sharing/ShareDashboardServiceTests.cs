using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>The sharing dashboard: shares per clinic day by outcome, the backlog and the oldest waiting share.</summary>
public sealed class ShareDashboardServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _adminId = "";
    private string _psychologistId = "";
    private int _consentingId;
    private int _otherId;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        (_consentingId, var consentingUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _psychologistId);
        (_otherId, _) = await _database.AddPatientAsync("Aaron", "Abbott", null, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(consentingUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Dashboard_CountsClinicDaysAndBacklog()
    {
        // Before the 30 days: not counted.
        await CreateAtAsync("2025-03-01T00:00:00Z", _otherId);

        // 10:30 pm on 5 April in Sydney, then 1:30 am and 11:00 am on 6 April, across the change back to standard time.
        await CreateAtAsync("2025-04-05T11:30:00Z", _consentingId);
        await CreateAtAsync("2025-04-05T14:30:00Z", _otherId);
        await CreateAtAsync("2025-04-06T01:00:00Z", _consentingId);
        _time.SetUtcNow(DateTimeOffset.Parse("2025-04-06T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var clock = new ClinicClock(_time, Options.Create(new ClinicOptions()));

        var dashboard = await new ShareDashboardService(_database.Contexts, clock).GetAsync(_adminId);

        Assert.Equal(30, dashboard.Days.Count);
        Assert.Equal(new DateOnly(2025, 3, 8), dashboard.Days[0].Date);
        Assert.Equal(new DateOnly(2025, 4, 6), dashboard.Days[^1].Date);
        var fifth = dashboard.Days.Single(day => day.Date == new DateOnly(2025, 4, 5));
        var sixth = dashboard.Days[^1];
        Assert.Equal(1, fifth.Counts[ShareOutcome.Pending]);
        Assert.Equal(0, fifth.Counts[ShareOutcome.Skipped]);
        Assert.Equal(1, sixth.Counts[ShareOutcome.Pending]);
        Assert.Equal(1, sixth.Counts[ShareOutcome.Skipped]);
        Assert.Equal(3, dashboard.Days.Sum(day => day.Counts.Values.Sum()));
        Assert.Equal(2, dashboard.Backlog);
        Assert.Equal(DateTime.Parse("2025-04-05T11:30:00Z").ToUniversalTime(), dashboard.OldestWaitingCreatedAtUtc);
    }

    [Fact]
    public async Task Dashboard_Psychologist_Rejected()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => new ShareDashboardService(_database.Contexts, _database.Clock).GetAsync(_psychologistId));
    }

    private async Task CreateAtAsync(string instant, int patientId)
    {
        var utc = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        _time.SetUtcNow(utc);
        var content = new ProgressNoteContent(utc.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "Keep a diary.", 7);
        await _database.CreateNoteService(_time).CreateAsync(_psychologistId, patientId, content);
    }
}
