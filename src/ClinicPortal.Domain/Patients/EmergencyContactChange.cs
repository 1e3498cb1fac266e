using ClinicPortal.Domain.Common;

namespace ClinicPortal.Domain.Patients;

/// <summary>
/// One change of a patient's emergency contact: who made it, when, and the old and new contact
/// with the numbers masked. The table is append-only, so the record shows who could have
/// received each share.
/// </summary>
public sealed class EmergencyContactChange
{
    public long Id { get; private set; }

    public int PatientId { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public string ChangedByUserId { get; private set; } = "";

    public string? OldName { get; private set; }

    /// <summary>The previous number with all but its last three digits masked.</summary>
    public string OldPhoneMasked { get; private set; } = "";

    public string? NewName { get; private set; }

    public string NewPhoneMasked { get; private set; } = "";

    private EmergencyContactChange()
    {
    }

    internal EmergencyContactChange(
        int patientId, DateTime changedAtUtc, string changedByUserId, string? oldName, string? oldPhone, string? newName, string? newPhone)
    {
        PatientId = patientId;
        ChangedAtUtc = changedAtUtc;
        ChangedByUserId = changedByUserId;
        OldName = oldName;
        OldPhoneMasked = PhoneMasking.Mask(oldPhone);
        NewName = newName;
        NewPhoneMasked = PhoneMasking.Mask(newPhone);
    }
}
