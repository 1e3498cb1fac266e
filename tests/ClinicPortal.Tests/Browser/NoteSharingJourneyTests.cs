using Xunit.Abstractions;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// The psychologist writes a note about a newly registered, consenting patient, and the fake
/// Twilio server receives exactly the text the editor previewed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoteSharingJourneyTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan DispatchTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public Task Note_ForConsentingPatient_SendsPreviewedText() => fixture.RunAsync(output, async session =>
    {
        var patient = new NewPatient("Ruby", "Fletcher");
        await PatientSteps.RegisterConsentingPatientAsync(session, patient);
        var database = new PortalDatabase(session.Portal.ConnectionString);
        await database.AssignAsync(await database.GetPatientIdAsync(patient.Email), DemoAccounts.PsychologistEmail);
        var requestsBefore = fixture.Twilio.Requests.Count;

        var psychologist = await session.SignInAsync(DemoAccounts.PsychologistEmail);
        var preview = await PsychologistSteps.WriteNoteAsync(psychologist, patient.FullName);

        var expectedSms = PsychologistSteps.ExpectedSms(patient.FullName, PsychologistSteps.TodayInClinicTimeZone());
        Assert.Equal(expectedSms, preview.Text);
        // Every character of the expected text is in GSM-7's basic set, so its length is its size in septets.
        Assert.Equal($"To: *********156 · {expectedSms.Length} characters · GSM-7 · 2 segments", preview.Facts);

        await fixture.Twilio.WaitForRequestsAsync(requestsBefore + 1, DispatchTimeout);
        var requests = fixture.Twilio.Requests.Skip(requestsBefore).ToList();
        var sms = Assert.Single(requests);
        Assert.Equal(preview.Text, sms.Body);
        Assert.Equal(PatientSteps.ContactPhoneE164, sms.To);
        Assert.Equal(ClinicPortal.Tests.Support.ClinicPortalFactory.SenderPhoneNumber, sms.From);
        Assert.DoesNotContain("OBJECTIVE-NOT-SHARED", sms.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ASSESSMENT-NOT-SHARED", sms.Body, StringComparison.Ordinal);
    });
}
