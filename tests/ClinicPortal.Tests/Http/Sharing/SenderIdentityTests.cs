using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>The clinic's name and phone from Clinic:Name and Clinic:Phone sign the SMS that Twilio receives.</summary>
public sealed class SenderIdentityTests
{
    private const string PlainFooter = "This is an automated update. If you have concerns, please contact the clinic directly.";

    [Fact]
    public async Task ClinicNameAndPhone_SignTheMessage()
    {
        await using var scenario = await SharingScenario.StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Harbourside Psychology",
            ["Clinic:Phone"] = "02 9000 0000",
        });
        var expected = SummaryCase.Load("basic").ExpectedSms.Replace(
            PlainFooter,
            "This is an automated update from Harbourside Psychology. If you have concerns, please contact the clinic directly on 02 9000 0000.",
            StringComparison.Ordinal);

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);

        var request = Assert.Single(scenario.Twilio.Requests);
        Assert.EndsWith("\n" + PlainFooter, SummaryCase.Load("basic").ExpectedSms, StringComparison.Ordinal);
        Assert.Equal(expected, request.Body);
        Assert.Equal(expected, row.GetProperty("message").GetString());
    }
}
