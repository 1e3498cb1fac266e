namespace ClinicPortal.Domain.Sharing;

/// <summary>What the provider returned for an accepted message: its id and status, for example "queued".</summary>
public sealed record SmsSendResult(string ProviderMessageId, string ProviderStatus);
