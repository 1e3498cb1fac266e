using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;
using ClinicPortal.Tests.Support.FakeTwilio;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http.Sharing;

/// <summary>
/// Twilio rejecting the message with a 4xx error: the share fails with the code and a
/// plain-English explanation after one request, and is never retried. An opt-out (21610)
/// stops later notes, and an unusable number (21211, 21614) is flagged, until the number changes.
/// </summary>
public sealed class PermanentFailureTests
{
    private const string NewContactNumber = "0491 570 158";
    private const string NewContactNumberE164 = "+61491570158";

    public static TheoryData<int, int, string, string> Rejections() => new()
    {
        {
            400, 21211, "The 'To' number +61491570156 is not a valid phone number.",
            "The emergency contact's number is not a valid phone number. Twilio answered HTTP 400, code 21211: The 'To' number *********156 is not a valid phone number."
        },
        {
            400, 21614, "'To' number is not a valid mobile number",
            "The emergency contact's number is not a mobile number, so it cannot receive SMS. Twilio answered HTTP 400, code 21614: 'To' number is not a valid mobile number"
        },
        {
            400, 21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +61491570156.",
            "SMS to this country is not enabled on the clinic's Twilio account. Twilio answered HTTP 400, code 21408: Permission to send an SMS has not been enabled for the region indicated by the 'To' number: *********156."
        },
        {
            401, 20003, "Authenticate",
            "Twilio rejected the clinic's credentials: check Twilio:AccountSid and Twilio:AuthToken. Twilio answered HTTP 401, code 20003: Authenticate"
        },
        {
            400, 21610, "Attempt to send to unsubscribed recipient",
            "The recipient has opted out: they replied STOP to an earlier message. Twilio answered HTTP 400, code 21610: Attempt to send to unsubscribed recipient"
        },
        {
            400, 21617, "The concatenated message body exceeds the 1600 character limit.",
            "Twilio reported error 21617. Twilio answered HTTP 400, code 21617: The concatenated message body exceeds the 1600 character limit."
        },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Rejected_FailsWithExplanationNoRetry(int statusCode, int errorCode, string errorMessage, string expectedMessage)
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(statusCode, errorCode, errorMessage));

        var noteId = await scenario.CreateNoteAsync();
        var row = await scenario.WaitUntilSharedAsync(noteId);
        var handledAgain = await scenario.DispatchAsync();
        var share = await scenario.LoadShareAsync(noteId);

        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("error_code").GetString());
        Assert.Equal(expectedMessage, row.GetProperty("error_message").GetString());
        Assert.Equal(0, handledAgain);
        Assert.Single(scenario.Twilio.Requests);
        Assert.Equal(ShareAttemptOutcome.Failed, Assert.Single(share.Attempts).Outcome);
    }

    [Fact]
    public async Task OptedOut_LaterNotesSkippedUntilNumberChanges()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(400, 21610, "Attempt to send to unsubscribed recipient"));
        var firstNoteId = await scenario.CreateNoteAsync();
        var rejected = await scenario.WaitUntilSharedAsync(firstNoteId);
        var patientUserId = await scenario.Host.GetUserIdAsync(DemoAccounts.PatientEmail);
        var consent = scenario.Host.App.Services.GetRequiredService<SharingConsentService>();

        var whileOptedOut = await scenario.CreateNoteWithBodyAsync();
        var skippedRow = await scenario.GetShareAsync(whileOptedOut.GetProperty("id").GetInt32());
        var handledWhileOptedOut = await scenario.DispatchAsync();
        var preferencesWhileOptedOut = await consent.GetOwnAsync(patientUserId);

        await scenario.ChangeContactNumberAsync(NewContactNumber);
        var afterChangeNoteId = await scenario.CreateNoteAsync();
        var sentRow = await scenario.WaitUntilSharedAsync(afterChangeNoteId);
        var preferencesAfterChange = await consent.GetOwnAsync(patientUserId);

        Assert.Equal("failed", rejected.GetProperty("status").GetString());
        Assert.Equal("21610", rejected.GetProperty("error_code").GetString());
        Assert.Equal("skipped", whileOptedOut.GetProperty("share_status").GetString());
        Assert.Equal("recipient_opted_out", whileOptedOut.GetProperty("share_reason").GetString());
        Assert.Equal("skipped", skippedRow.GetProperty("status").GetString());
        Assert.Equal("recipient_opted_out", skippedRow.GetProperty("reason").GetString());
        Assert.Equal(0, handledWhileOptedOut);
        Assert.True(preferencesWhileOptedOut.ContactOptedOut);
        Assert.False(preferencesAfterChange.ContactOptedOut);
        Assert.Equal("queued", sentRow.GetProperty("status").GetString());
        Assert.Equal(2, scenario.Twilio.Requests.Count);
        Assert.Equal(DemoAccounts.EmergencyContactPhone, scenario.Twilio.Requests[0].To);
        Assert.Equal(NewContactNumberE164, scenario.Twilio.Requests[1].To);
    }

    [Theory]
    [InlineData(21211, "The 'To' number +61491570156 is not a valid phone number.")]
    [InlineData(21614, "'To' number is not a valid mobile number")]
    public async Task UndeliverableNumber_FlaggedUntilNumberChanges(int errorCode, string errorMessage)
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(400, errorCode, errorMessage));
        var patientUserId = await scenario.Host.GetUserIdAsync(DemoAccounts.PatientEmail);
        var psychologistUserId = await scenario.Host.GetUserIdAsync(DemoAccounts.PsychologistEmail);
        var consent = scenario.Host.App.Services.GetRequiredService<SharingConsentService>();
        var notes = scenario.Host.App.Services.GetRequiredService<ProgressNoteService>();
        var expectedCode = errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noteId = await scenario.CreateNoteAsync();
        await scenario.WaitUntilSharedAsync(noteId);
        var flaggedForPatient = await consent.GetOwnAsync(patientUserId);
        var flaggedForPsychologist = await notes.GetPatientAsync(psychologistUserId, scenario.PatientId);

        await scenario.ChangeContactNumberAsync(NewContactNumber);
        var clearedForPatient = await consent.GetOwnAsync(patientUserId);
        var clearedForPsychologist = await notes.GetPatientAsync(psychologistUserId, scenario.PatientId);

        Assert.Equal(expectedCode, flaggedForPatient.ContactUndeliverableCode);
        Assert.Equal(expectedCode, flaggedForPsychologist.ContactUndeliverableCode);
        Assert.False(flaggedForPatient.ContactOptedOut);
        Assert.Null(clearedForPatient.ContactUndeliverableCode);
        Assert.Null(clearedForPsychologist.ContactUndeliverableCode);
        Assert.Single(scenario.Twilio.Requests);
    }

    [Fact]
    public async Task UndeliverableNumber_SameNumberKeepsFlag()
    {
        await using var scenario = await SharingScenario.StartAsync();
        scenario.Twilio.Enqueue(FakeTwilioResponse.Error(400, 21211, "The 'To' number +61491570156 is not a valid phone number."));
        var patientUserId = await scenario.Host.GetUserIdAsync(DemoAccounts.PatientEmail);
        var consent = scenario.Host.App.Services.GetRequiredService<SharingConsentService>();

        var noteId = await scenario.CreateNoteAsync();
        await scenario.WaitUntilSharedAsync(noteId);
        await scenario.ChangeContactNumberAsync("0491 570 156");
        var preferences = await consent.GetOwnAsync(patientUserId);

        Assert.Equal("21211", preferences.ContactUndeliverableCode);
    }
}
