namespace ClinicPortal.Domain.Accounts;

/// <summary>An account audit entry as admins see it, with the emails of both accounts.</summary>
public sealed record AccountAuditItem(long Id, DateTime OccurredAtUtc, string ActorEmail, string TargetEmail, AccountAuditAction Action, string Detail);
