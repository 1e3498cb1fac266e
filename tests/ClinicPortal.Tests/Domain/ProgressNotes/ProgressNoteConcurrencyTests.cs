using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Domain.ProgressNotes;

/// <summary>
/// Saves and reads that run at the same moment through the services the app registers: each
/// operation must use its own database context.
/// </summary>
public sealed class ProgressNoteConcurrencyTests : IAsyncLifetime
{
    private const int Rounds = 5;

    private PortalTestHost _host = null!;
    private ProgressNoteService _notes = null!;
    private string _psychologistId = "";
    private int _miaId;
    private int _noahId;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        _notes = _host.App.Services.GetRequiredService<ProgressNoteService>();
        _psychologistId = await _host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
        _miaId = await PortalTestHost.GetOwnPatientIdAsync(await _host.SignInAsync(DemoAccounts.PatientEmail));
        _noahId = await _host.AddPatientAsync("noah.walker@clinicportal.test", "Noah", "Walker", DemoAccounts.PsychologistEmail);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TwoPatientsAtOnce_BothSaved()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var created = await Task.WhenAll(
                _notes.CreateAsync(_psychologistId, _miaId, Content(round)),
                _notes.CreateAsync(_psychologistId, _noahId, Content(round)));

            Assert.NotEqual(created[0].NoteId, created[1].NoteId);
            Assert.Equal(ShareStatus.Skipped, created[0].ShareStatus);
            Assert.Equal(ShareStatus.Skipped, created[1].ShareStatus);
        }

        var miaNotes = await _notes.ListForPatientAsync(_psychologistId, _miaId);
        var noahNotes = await _notes.ListForPatientAsync(_psychologistId, _noahId);
        Assert.Equal(Rounds, miaNotes.Count);
        Assert.Equal(Rounds, noahNotes.Count);
        Assert.Equal(2 * Rounds, await _host.CountRowsAsync("ProgressShares"));
    }

    [Fact]
    public async Task ListWhileSaving_BothSucceed()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var save = _notes.CreateAsync(_psychologistId, _miaId, Content(round));
            var list = _notes.ListForPatientAsync(_psychologistId, _miaId);
            await Task.WhenAll(save, list);
            var listed = await list;

            Assert.InRange(listed.Count, round - 1, round);
        }

        Assert.Equal(Rounds, (await _notes.ListForPatientAsync(_psychologistId, _miaId)).Count);
    }

    private static ProgressNoteContent Content(int sessionNumber) => new(
        new DateTime(2025, 1, 19, 10, 0, 0, DateTimeKind.Utc),
        sessionNumber,
        "Reports sleeping better.",
        "Affect brighter.",
        "Symptoms easing.",
        "Keep a sleep diary.",
        7);
}
