namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// The sharing dashboard: shares per day for the last <see cref="ShareDashboardService.Days"/>
/// days by outcome, oldest day first, the number of shares waiting to be sent and when the
/// oldest of them was created.
/// </summary>
public sealed record ShareDashboard(IReadOnlyList<ShareDay> Days, int Backlog, DateTime? OldestWaitingCreatedAtUtc);
