namespace ClinicPortal.Domain.Sharing;

/// <summary>Maps Twilio's message statuses to share statuses, and orders them.</summary>
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

    /// <summary>
    /// Returns a status's place in a message's life: queued before sent, sent before the final
    /// statuses. A callback may only move a share to a higher rank.
    /// </summary>
    public static int Rank(ShareStatus status) => status switch
    {
        ShareStatus.Queued => 1,
        ShareStatus.Sent => 2,
        ShareStatus.Delivered or ShareStatus.Undelivered or ShareStatus.Failed => 3,
        _ => 0,
    };
}
