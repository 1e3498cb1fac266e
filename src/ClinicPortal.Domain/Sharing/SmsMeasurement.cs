namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The size of an SMS: its encoding, its length in that encoding's units (septets for GSM-7,
/// UTF-16 code units for UCS-2) and the number of segments it is sent in.
/// </summary>
public sealed record SmsMeasurement(SmsEncoding Encoding, int Units, int Segments);
