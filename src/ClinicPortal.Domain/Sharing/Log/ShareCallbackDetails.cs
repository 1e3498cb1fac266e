namespace ClinicPortal.Domain.Sharing;

/// <summary>One delivery status Twilio reported for a share, and whether it changed the share.</summary>
public sealed record ShareCallbackDetails(DateTime ReceivedAtUtc, string ProviderStatus, string? ErrorCode, bool Applied);
