namespace ClinicPortal.Domain.Sharing;

/// <summary>A delivery status Twilio reported for a share, kept whether or not it changed the share.</summary>
public sealed class ShareStatusCallback
{
    public long Id { get; private set; }

    public int ShareId { get; private set; }

    /// <summary>The status as Twilio sent it, for example "undelivered".</summary>
    public string ProviderStatus { get; private set; } = "";

    public string? ErrorCode { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>Whether the callback moved the share forward; a late or repeated one does not.</summary>
    public bool Applied { get; private set; }

    private ShareStatusCallback()
    {
    }

    public ShareStatusCallback(int shareId, string providerStatus, string? errorCode, DateTime receivedAtUtc, bool applied)
    {
        ShareId = shareId;
        ProviderStatus = providerStatus;
        ErrorCode = errorCode;
        ReceivedAtUtc = receivedAtUtc;
        Applied = applied;
    }
}
