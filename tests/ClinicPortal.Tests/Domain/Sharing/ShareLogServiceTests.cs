using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Domain.Sharing;

/// <summary>
/// The share log's filters, orders and paging against real SQLite, with shares saved around the
/// Sydney daylight-saving changes. On 6 April 2025 the clock goes back from 3:00 to 2:00, so the
/// hour from 2:00 happens twice. On 5 October 2025 it jumps from 2:00 to 3:00.
/// </summary>
public sealed class ShareLogServiceTests : IAsyncLifetime
{
    private ClinicDatabase _database = null!;
    private string _adminId = "";
    private string _avaId = "";
    private string _noahId = "";
    private int _miaId;
    private int _aaronId;
    // Starts before every instant below, because a FakeTimeProvider only moves forward.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _adminId = await _database.AddUserAsync("admin@clinicportal.test", ClinicRoles.Admin);
        _avaId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
        _noahId = await _database.AddUserAsync("noah.kim@clinicportal.test", ClinicRoles.Psychologist);
        (_miaId, var miaUserId) = await _database.AddPatientAsync("Mia", "Thompson", DemoAccounts.EmergencyContactPhone, _avaId);
        (_aaronId, _) = await _database.AddPatientAsync("Aaron", "O'Brien_100%", null, _noahId);
        await _database.CreateConsentService().GrantOwnAsync(miaUserId);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NewestFirst_AcrossAprilChange_OrdersByInstant()
    {
        // 2:30 daylight time, then 2:10 and 2:50 standard time: later instants, earlier wall-clock times.
        var first = await CreateAtAsync("2025-04-05T15:30:00Z", _miaId, _avaId);
        var second = await CreateAtAsync("2025-04-05T16:10:00Z", _miaId, _avaId);
        var secondAndAHalf = await CreateAtAsync("2025-04-05T16:10:00.5Z", _miaId, _avaId);
        var third = await CreateAtAsync("2025-04-05T16:50:00Z", _miaId, _avaId);

        var page = await ListAsync(ShareLogFilter.None);
        var oldestFirst = await ListAsync(ShareLogFilter.None, new ShareLogSort(ShareLogSortColumn.CreatedAt, Descending: false));

        Assert.Equal(4, page.Count);
        Assert.Equal([third, secondAndAHalf, second, first], page.Results.Select(e => e.Id));
        Assert.Equal([first, second, secondAndAHalf, third], oldestFirst.Results.Select(e => e.Id));
        Assert.Equal(DateTime.Parse("2025-04-05T16:10:00.5Z").ToUniversalTime(), page.Results[1].CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, page.Results[1].CreatedAtUtc.Kind);
    }

    [Fact]
    public async Task DateRange_AprilChangeDay_Covers25Hours()
    {
        var clock = _database.Clock;
        await CreateAtAsync("2025-04-05T12:59:59Z", _miaId, _avaId);
        var firstInDay = await CreateAtAsync("2025-04-05T13:00:00Z", _miaId, _avaId);
        var repeatedHour = await CreateAtAsync("2025-04-05T16:30:00Z", _miaId, _avaId);
        var lastInDay = await CreateAtAsync("2025-04-06T13:59:59Z", _miaId, _avaId);
        await CreateAtAsync("2025-04-06T14:00:00Z", _miaId, _avaId);

        var filter = new ShareLogFilter
        {
            FromUtc = clock.ToUtc(new DateTime(2025, 4, 6)),
            ToUtc = clock.ToUtc(new DateTime(2025, 4, 7)),
        };
        var page = await ListAsync(filter);

        Assert.Equal(DateTime.Parse("2025-04-05T13:00:00Z").ToUniversalTime(), filter.FromUtc);
        Assert.Equal(DateTime.Parse("2025-04-06T14:00:00Z").ToUniversalTime(), filter.ToUtc);
        Assert.Equal(3, page.Count);
        Assert.Equal([lastInDay, repeatedHour, firstInDay], page.Results.Select(e => e.Id));
    }

    [Fact]
    public async Task DateRange_OctoberChangeDay_Covers23Hours()
    {
        var clock = _database.Clock;
        await CreateAtAsync("2025-10-04T13:59:59Z", _miaId, _avaId);
        var firstInDay = await CreateAtAsync("2025-10-04T14:00:00Z", _miaId, _avaId);
        var beforeJump = await CreateAtAsync("2025-10-04T15:59:59Z", _miaId, _avaId);
        var afterJump = await CreateAtAsync("2025-10-04T16:00:00Z", _miaId, _avaId);
        var lastInDay = await CreateAtAsync("2025-10-05T12:59:59Z", _miaId, _avaId);
        await CreateAtAsync("2025-10-05T13:00:00Z", _miaId, _avaId);

        var filter = new ShareLogFilter
        {
            FromUtc = clock.ToUtc(new DateTime(2025, 10, 5)),
            ToUtc = clock.ToUtc(new DateTime(2025, 10, 6)),
        };
        var page = await ListAsync(filter);

        Assert.Equal(DateTime.Parse("2025-10-04T14:00:00Z").ToUniversalTime(), filter.FromUtc);
        Assert.Equal(DateTime.Parse("2025-10-05T13:00:00Z").ToUniversalTime(), filter.ToUtc);
        Assert.Equal([lastInDay, afterJump, beforeJump, firstInDay], page.Results.Select(e => e.Id));
        Assert.Equal("05/10/2025 3:00 am", clock.ToClinicTime(page.Results[1].CreatedAtUtc).ToString("dd/MM/yyyy h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-AU")));
    }

    [Fact]
    public async Task Filters_EachSelectsItsShares()
    {
        var miaShare = await CreateAtAsync("2025-01-10T00:00:00Z", _miaId, _avaId);
        var aaronShare = await CreateAtAsync("2025-01-11T00:00:00Z", _aaronId, _noahId);

        Assert.Equal([miaShare], Ids(await ListAsync(new ShareLogFilter { Status = ShareStatus.Pending })));
        Assert.Equal([aaronShare], Ids(await ListAsync(new ShareLogFilter { Status = ShareStatus.Skipped })));
        Assert.Equal([aaronShare], Ids(await ListAsync(new ShareLogFilter { Reason = ShareReason.NoConsent })));
        Assert.Empty(Ids(await ListAsync(new ShareLogFilter { Reason = ShareReason.RecipientOptedOut })));
        Assert.Equal([miaShare], Ids(await ListAsync(new ShareLogFilter { PatientId = _miaId })));
        Assert.Equal([aaronShare], Ids(await ListAsync(new ShareLogFilter { PsychologistUserId = _noahId })));
        Assert.Equal([miaShare], Ids(await ListAsync(new ShareLogFilter { Search = "mia thom" })));
        Assert.Equal([miaShare], Ids(await ListAsync(new ShareLogFilter { Search = "THOMPSON" })));
        Assert.Equal([aaronShare], Ids(await ListAsync(new ShareLogFilter { Search = "_100%" })));
        Assert.Empty(Ids(await ListAsync(new ShareLogFilter { Search = "%" + "x" })));
        Assert.Equal([miaShare], Ids(await ListAsync(new ShareLogFilter { Status = ShareStatus.Pending, PsychologistUserId = _avaId, Search = "Mia" })));
    }

    [Fact]
    public async Task Paging_SecondPage_CountsAllMatches()
    {
        var ids = new List<int>();
        for (var day = 1; day <= 7; day++)
        {
            ids.Add(await CreateAtAsync($"2025-01-{day:00}T00:00:00Z", _miaId, _avaId));
        }

        var page = await _database.CreateShareLogService().ListAsync(_adminId, new PageRequest(2, 3), ShareLogSort.NewestFirst, ShareLogFilter.None);

        Assert.Equal(7, page.Count);
        Assert.Equal([ids[3], ids[2], ids[1]], page.Results.Select(e => e.Id));
    }

    [Fact]
    public async Task SortByPatientName_ThenNewestFirst()
    {
        var miaOld = await CreateAtAsync("2025-01-01T00:00:00Z", _miaId, _avaId);
        var aaron = await CreateAtAsync("2025-01-02T00:00:00Z", _aaronId, _noahId);
        var miaNew = await CreateAtAsync("2025-01-03T00:00:00Z", _miaId, _avaId);

        var page = await ListAsync(ShareLogFilter.None, new ShareLogSort(ShareLogSortColumn.PatientName, Descending: false));

        Assert.Equal([aaron, miaNew, miaOld], page.Results.Select(e => e.Id));
        Assert.Equal("Aaron O'Brien_100%", page.Results[0].PatientName);
    }

    [Fact]
    public async Task Filter_EndBeforeStart_RejectedNamingTo()
    {
        var filter = new ShareLogFilter { FromUtc = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc), ToUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

        var exception = await Assert.ThrowsAsync<DomainValidationException>(() => ListAsync(filter));

        Assert.Equal(["ToUtc"], exception.Errors.Keys);
        Assert.Equal("Enter an end of the date range that is after its start.", exception.Errors["ToUtc"].Single());
    }

    [Fact]
    public async Task Psychologist_Rejected()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _database.CreateShareLogService().ListAsync(_avaId, new PageRequest(), ShareLogSort.NewestFirst, ShareLogFilter.None));
    }

    [Fact]
    public async Task Stream_RecordsExportWithFilters()
    {
        var miaShare = await CreateAtAsync("2025-01-10T00:00:00Z", _miaId, _avaId);
        await CreateAtAsync("2025-01-11T00:00:00Z", _aaronId, _noahId);
        var filter = new ShareLogFilter { Status = ShareStatus.Pending, Search = "Mia" };

        var rows = await _database.CreateShareLogService().StreamAsync(_adminId, ShareLogSort.NewestFirst, filter).ToListAsync();

        Assert.Equal([miaShare], rows.Select(r => r.Id));
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var entry = await db.AccessLog.SingleAsync();
        Assert.Equal(_adminId, entry.UserId);
        Assert.Equal(AccessLogAction.ExportShareLog, entry.Action);
        Assert.Equal("status=Pending; search=Mia", entry.Subject);
        Assert.Equal(ClinicDatabase.Now.UtcDateTime, entry.OccurredAtUtc);
    }

    private static List<int> Ids(PagedResult<ShareLogEntry> page) => page.Results.Select(e => e.Id).ToList();

    private Task<PagedResult<ShareLogEntry>> ListAsync(ShareLogFilter filter, ShareLogSort? sort = null) =>
        _database.CreateShareLogService().ListAsync(_adminId, new PageRequest(1, PageRequest.MaxPageSize), sort ?? ShareLogSort.NewestFirst, filter);

    /// <summary>Saves a note at the given instant through the note service, and returns its share's id.</summary>
    private async Task<int> CreateAtAsync(string instant, int patientId, string psychologistId)
    {
        var utc = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        _time.SetUtcNow(utc);
        var content = new ProgressNoteContent(utc.UtcDateTime.AddHours(-1), 1, "Reports sleeping better.", "", "", "Keep a diary.", 7);
        var created = await _database.CreateNoteService(_time).CreateAsync(psychologistId, patientId, content);
        return created.ShareId;
    }
}
