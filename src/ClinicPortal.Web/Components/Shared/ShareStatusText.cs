using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Components.Shared;

/// <summary>Words for share statuses, as patients and staff read them.</summary>
internal static class ShareStatusText
{
    public static string Describe(ShareStatus status) => status switch
    {
        ShareStatus.Pending => "Waiting to be sent",
        ShareStatus.Queued => "Sent to the SMS provider",
        ShareStatus.Sent => "Sent",
        ShareStatus.Delivered => "Delivered",
        ShareStatus.Undelivered => "Not delivered",
        ShareStatus.Failed => "Sending failed",
        ShareStatus.Skipped => "Not sent",
        ShareStatus.Unknown => "Outcome unknown",
        _ => status.ToString(),
    };
}
