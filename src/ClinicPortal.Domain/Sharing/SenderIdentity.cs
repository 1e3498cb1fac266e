namespace ClinicPortal.Domain.Sharing;

/// <summary>How the clinic signs its messages: its name, and a phone number to call back.</summary>
public sealed record SenderIdentity(string? ClinicName, string? ClinicPhone)
{
    public static readonly SenderIdentity None = new(null, null);
}
