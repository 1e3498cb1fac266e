namespace ClinicPortal.Domain.Sharing;

/// <summary>Maps Twilio's message statuses to share statuses.</summary>
public static class ProviderStatusMapping
{
    /// <summary>
    /// Maps a provider status. Statuses before hand-off to the carrier read as queued, so a
    /// share reads delivered only when the provider reported delivery.
    /// </summary>
    public static ShareStatus ToShareStatus(string providerStatus) => providerStatus.ToLowerInvariant() switch
    {
        "sent" => ShareStatus.Sent,
        "delivered" or "read" => ShareStatus.Delivered,
        "undelivered" => ShareStatus.Undelivered,
        "failed" or "canceled" => ShareStatus.Failed,
        _ => ShareStatus.Queued,
    };
}
