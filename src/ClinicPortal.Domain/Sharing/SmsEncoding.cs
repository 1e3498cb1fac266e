namespace ClinicPortal.Domain.Sharing;

/// <summary>The character set an SMS is sent in.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
