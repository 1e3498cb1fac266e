using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// The update that saving a new note would send: the masked recipient, the exact SMS text and its
/// size, or, when nothing would be sent, only <see cref="SkipReason"/>.
/// </summary>
public sealed record SharePreview(string? MaskedRecipient, string? Text, SmsMeasurement? Measurement, ShareReason? SkipReason)
{
    public static SharePreview Skipped(ShareReason reason) => new(null, null, null, reason);

    public static SharePreview Send(string recipientPhone, string text) =>
        new(PhoneMasking.Mask(recipientPhone), text, SmsSegments.Measure(text), null);
}
