using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>A new patient registers, adds an emergency contact, consents to sharing, withdraws and consents again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientJourneyTests(PortalBrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task NewPatient_RegistersAndConsents() => fixture.RunAsync(output, async session =>
    {
        var patient = new NewPatient("Noah", "Ellis");

        var page = await PatientSteps.RegisterAsync(session, patient);
        await PatientSteps.SaveEmergencyContactAsync(page);
        await Expect(page.Page.GetByLabel("Emergency contact name")).ToHaveValueAsync(PatientSteps.ContactName);

        await page.GotoInteractiveAsync("/patient/preferences");
        var sharingSwitch = page.Page.GetByLabel(PatientSteps.SharingSwitchLabel);
        await Expect(sharingSwitch).Not.ToBeCheckedAsync();
        await sharingSwitch.ClickAsync();

        var dialog = page.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("each progress note your psychologist writes after a session sends a short update to your emergency contact.");
        await Expect(dialog).ToContainTextAsync("What is never sent: your psychologist's observations, their assessment, or the full note.");
        await Expect(dialog).ToContainTextAsync("Consent version 1.0");
        await Accessibility.AssertNoSeriousViolationsAsync(page.Page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(sharingSwitch).ToBeCheckedAsync();
        await Expect(page.Page.Locator("#consent-details")).ToContainTextAsync($"Updates go to {PatientSteps.ContactName}.");

        // Withdrawing needs no dialog.
        await sharingSwitch.ClickAsync();
        await Expect(sharingSwitch).Not.ToBeCheckedAsync();
        await Expect(page.Page.Locator("#consent-details")).ToBeHiddenAsync();

        await sharingSwitch.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(sharingSwitch).ToBeCheckedAsync();

        // The choice is stored, not only shown: a fresh load shows it too.
        await page.GotoInteractiveAsync("/patient/preferences");
        await Expect(page.Page.GetByLabel(PatientSteps.SharingSwitchLabel)).ToBeCheckedAsync();
    });
}
