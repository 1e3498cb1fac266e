namespace ClinicPortal.Domain.Patients;

/// <summary>
/// A patient's record: name, emergency contact and the current state of their consent to share
/// progress with that contact. Every consent change also appends a <see cref="ConsentHistoryEntry"/>.
/// </summary>
public sealed class Patient
{
    public int Id { get; private set; }

    /// <summary>Identity user id of the patient's own account.</summary>
    public string UserId { get; private set; } = "";

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string? EmergencyContactName { get; private set; }

    public string? EmergencyContactRelationship { get; private set; }

    /// <summary>Mobile number of the emergency contact in E.164, for example +61491570156.</summary>
    public string? EmergencyContactPhone { get; private set; }

    /// <summary>
    /// Twilio's error code when the contact's number was found unable to receive SMS (21211
    /// invalid, 21614 not a mobile), or null. Changing the number clears it.
    /// </summary>
    public string? EmergencyContactUndeliverableCode { get; private set; }

    public bool ShareProgressWithEmergencyContact { get; private set; }

    public DateTime? ConsentDateUtc { get; private set; }

    public string? ConsentVersion { get; private set; }

    public List<ConsentHistoryEntry> ConsentHistory { get; } = [];

    /// <summary>
    /// Concurrency token, replaced on every change, so two requests that read the same record
    /// cannot both save: the second fails instead of leaving consent and contact out of step.
    /// </summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public List<EmergencyContactChange> EmergencyContactChanges { get; } = [];

    public string FullName => $"{FirstName} {LastName}".Trim();

    public bool HasEmergencyContact => !string.IsNullOrEmpty(EmergencyContactPhone);

    private Patient()
    {
    }

    public static Patient Register(string userId, string firstName, string lastName) =>
        new() { UserId = userId, FirstName = firstName.Trim(), LastName = lastName.Trim() };

    public void UpdateName(string firstName, string lastName)
    {
        ConcurrencyStamp = Guid.NewGuid();
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
    }

    /// <summary>
    /// Replaces the emergency contact. A null phone removes the contact's number. With
    /// <paramref name="changedByUserId"/>, a change is appended to the contact's history.
    /// </summary>
    public void UpdateEmergencyContact(string? name, string? relationship, string? phoneE164, DateTime? nowUtc = null, string? changedByUserId = null)
    {
        if (ShareProgressWithEmergencyContact && string.IsNullOrEmpty(phoneE164))
        {
            throw new InvalidOperationException("The emergency contact's number cannot be removed while sharing is on.");
        }

        ConcurrencyStamp = Guid.NewGuid();
        if (phoneE164 != EmergencyContactPhone)
        {
            EmergencyContactUndeliverableCode = null;
        }

        var previous = (EmergencyContactName, EmergencyContactRelationship, EmergencyContactPhone);
        EmergencyContactName = NullIfBlank(name);
        EmergencyContactRelationship = NullIfBlank(relationship);
        EmergencyContactPhone = phoneE164;

        var changed = previous != (EmergencyContactName, EmergencyContactRelationship, EmergencyContactPhone);
        if (changed && changedByUserId is not null && nowUtc is { } changedAt)
        {
            EmergencyContactChanges.Add(new EmergencyContactChange(
                Id, changedAt, changedByUserId, previous.EmergencyContactName, previous.EmergencyContactPhone, EmergencyContactName, EmergencyContactPhone));
        }
    }

    /// <summary>
    /// Removes the emergency contact. Sharing needs a contact, so consent is withdrawn first when
    /// it is on, with the reason in the consent history.
    /// </summary>
    public void RemoveEmergencyContact(DateTime nowUtc, string removedByUserId)
    {
        if (ShareProgressWithEmergencyContact)
        {
            WithdrawConsent(nowUtc, removedByUserId, ConsentMethod.PatientPortal, "Sharing turned off because the emergency contact was removed.");
        }

        UpdateEmergencyContact(null, null, null, nowUtc, removedByUserId);
    }

    /// <summary>Whether consent is on and was given under the consent version now in force.</summary>
    public bool HasCurrentConsent(string currentVersion) =>
        ShareProgressWithEmergencyContact && ConsentVersion == currentVersion;

    /// <summary>Flags the contact's current number as unable to receive SMS, with the provider's error code.</summary>
    public void MarkEmergencyContactUndeliverable(string errorCode)
    {
        EmergencyContactUndeliverableCode = errorCode;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Records consent to share, under the given consent version.</summary>
    public ConsentHistoryEntry GrantConsent(
        string version, DateTime nowUtc, string recordedByUserId, ConsentMethod method = ConsentMethod.PatientPortal, string? note = null)
    {
        if (!HasEmergencyContact)
        {
            throw new InvalidOperationException("Consent to share needs an emergency contact number on file.");
        }

        ShareProgressWithEmergencyContact = true;
        ConsentDateUtc = nowUtc;
        ConsentVersion = version;
        return AppendHistory(ConsentAction.Granted, version, nowUtc, recordedByUserId, method, note);
    }

    /// <summary>Withdraws consent at once. The date and version of the withdrawn consent stay in the history.</summary>
    public ConsentHistoryEntry WithdrawConsent(
        DateTime nowUtc, string recordedByUserId, ConsentMethod method = ConsentMethod.PatientPortal, string? note = null)
    {
        var version = ConsentVersion ?? "";
        ShareProgressWithEmergencyContact = false;
        ConsentDateUtc = null;
        ConsentVersion = null;
        return AppendHistory(ConsentAction.Withdrawn, version, nowUtc, recordedByUserId, method, note);
    }

    private ConsentHistoryEntry AppendHistory(
        ConsentAction action, string version, DateTime nowUtc, string recordedByUserId, ConsentMethod method, string? note)
    {
        ConcurrencyStamp = Guid.NewGuid();
        var entry = new ConsentHistoryEntry(Id, action, version, nowUtc, recordedByUserId, method, note);
        ConsentHistory.Add(entry);
        return entry;
    }

    private static string? NullIfBlank(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
