using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Tests.Domain.ProgressNotes;

/// <summary>
/// For every summary case, the text the editor previews for a draft is the text that signing
/// saves and the dispatcher sends, and both equal the case's expected SMS.
/// </summary>
public sealed class PreviewMatchesSentTests : IAsyncLifetime
{
    // After every session date in the cases, so none is in the future.
    private static readonly ClinicClock Clock = new(
        new FixedTimeProvider(new DateTimeOffset(2026, 12, 4, 3, 30, 0, TimeSpan.Zero)),
        Options.Create(new ClinicOptions()));

    private ClinicDatabase _database = null!;
    private string _psychologistId = "";

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var summaryCase in SummaryCase.LoadAll())
        {
            names.Add(summaryCase.Name);
        }

        return names;
    }

    public async Task InitializeAsync()
    {
        _database = await ClinicDatabase.CreateAsync();
        _psychologistId = await _database.AddUserAsync("ava.patel@clinicportal.test", ClinicRoles.Psychologist);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Preview_EqualsSentText(string caseName)
    {
        var summaryCase = SummaryCase.Load(caseName);
        var nameParts = summaryCase.PatientName.Split(' ', 2);
        var (patientId, patientUserId) = await _database.AddPatientAsync(nameParts[0], nameParts[1], DemoAccounts.EmergencyContactPhone, _psychologistId);
        await _database.CreateConsentService().GrantOwnAsync(patientUserId);
        var content = new ProgressNoteContent(
            summaryCase.SessionDateUtc, 1, summaryCase.Subjective, summaryCase.Objective, summaryCase.Assessment, summaryCase.Plan, summaryCase.ProgressRating);
        var planner = new NoteSharePlanner(Clock, Options.Create(_database.SharingOptions), Options.Create(_database.ClinicOptions));
        var signing = new NoteSigningService(_database.Contexts, Clock, planner, _database.DispatchSignal, NullLogger<NoteSigningService>.Instance);
        var notes = new ProgressNoteService(_database.Contexts, Clock, Options.Create(_database.SharingOptions), planner, signing);
        var draft = await new NoteDraftService(_database.Contexts, Clock, NullLogger<NoteDraftService>.Instance).SaveAsync(_psychologistId, patientId, null, content);

        var preview = await notes.PreviewShareAsync(_psychologistId, patientId, content);
        await signing.SignAsync(_psychologistId, patientId, draft.NoteId, content, new SignOptions(ShareChoice.Share));
        var sender = new RecordingSmsSender();
        await _database.CreateDispatcher(sender).DispatchPendingAsync(CancellationToken.None);

        var sent = Assert.Single(sender.Messages);
        Assert.Equal(summaryCase.ExpectedSms, preview.Text);
        Assert.Equal(preview.Text, sent.Body);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, sent.To);
        Assert.Equal("*********156", preview.MaskedRecipient);
    }
}
