using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.Browser;

/// <summary>What a new patient does in the browser: register, add an emergency contact, consent to sharing.</summary>
internal static class PatientSteps
{
    public const string ContactName = "Liam Ellis";
    public const string ContactRelationship = "Brother";

    /// <summary>The contact's mobile number as a patient types it, from the range Australia reserves for fiction.</summary>
    public const string ContactPhoneAsTyped = "0491 570 156";

    public const string ContactPhoneE164 = "+61491570156";

    public const string SharingSwitchLabel = "Share progress with emergency contact";

    /// <summary>Registers through Account/Register and returns the page, which is signed in as the new patient.</summary>
    public static async Task<PortalPage> RegisterAsync(BrowserSession session, NewPatient patient)
    {
        var page = await session.OpenPageAsync();
        await page.GotoAsync("/Account/Register");
        await FillExactAsync(page, "First name", patient.FirstName);
        await FillExactAsync(page, "Last name", patient.LastName);
        await FillExactAsync(page, "Email", patient.Email);
        await FillExactAsync(page, "Password", NewPatient.Password);
        await FillExactAsync(page, "Confirm password", NewPatient.Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // The navigation menu links the signed-in account's email to its management page.
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = patient.Email })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Saves the emergency contact on My profile and waits until the page shows the stored number.</summary>
    public static async Task SaveEmergencyContactAsync(PortalPage page)
    {
        await page.GotoInteractiveAsync("/patient/profile");
        await page.Page.GetByLabel("Emergency contact name").FillAsync(ContactName);
        await page.Page.GetByLabel("Relationship").FillAsync(ContactRelationship);
        await page.Page.GetByLabel("Mobile number").FillAsync(ContactPhoneAsTyped);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Page.GetByLabel("Mobile number")).ToHaveValueAsync(ContactPhoneE164);
    }

    /// <summary>Turns sharing on in Sharing preferences and agrees in the consent dialog.</summary>
    public static async Task GrantConsentAsync(PortalPage page)
    {
        await page.GotoInteractiveAsync("/patient/preferences");
        var sharingSwitch = page.Page.GetByLabel(SharingSwitchLabel);
        await sharingSwitch.ClickAsync();

        var dialog = page.Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "I agree" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(sharingSwitch).ToBeCheckedAsync();
    }

    /// <summary>Registers a patient, saves the emergency contact and grants consent, and returns the patient's page.</summary>
    public static async Task<PortalPage> RegisterConsentingPatientAsync(BrowserSession session, NewPatient patient)
    {
        var page = await RegisterAsync(session, patient);
        await SaveEmergencyContactAsync(page);
        await GrantConsentAsync(page);
        return page;
    }

    private static Task FillExactAsync(PortalPage page, string label, string value) =>
        page.Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
}
