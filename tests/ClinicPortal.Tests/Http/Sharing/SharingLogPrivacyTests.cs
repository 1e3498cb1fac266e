using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>The app's logs, at every level, never hold the contact's full number or the note's text.</summary>
public sealed class SharingLogPrivacyTests
{
    [Fact]
    public async Task SendAndFailure_LogNoNumberOrNoteText()
    {
        var logs = new CapturingLoggerProvider();
        await using var scenario = await SharingScenario.StartAsync(logs: logs);
        var subjective = SummaryCase.Load("basic").Subjective;

        var sentNoteId = await scenario.CreateNoteAsync();
        var sent = await scenario.WaitUntilSharedAsync(sentNoteId);
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(400, 21211, "The 'To' number +61491570156 is not a valid phone number."));
        var failedNoteId = await scenario.CreateNoteAsync();
        var failed = await scenario.WaitUntilSharedAsync(failedNoteId);
        var lines = logs.Lines;

        Assert.Equal("queued", sent.GetProperty("status").GetString());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains(lines, line => line.Contains("Share 2 attempt 1: Failed, code 21211", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(DemoAccounts.MaskedEmergencyContactPhone, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("491570156", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("0491 570 156", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(subjective, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(subjective[..40], StringComparison.Ordinal));
    }
}
