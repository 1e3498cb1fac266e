namespace ClinicPortal.Domain.Auditing;

/// <summary>An access log entry as admins see it, with the email of the user who read it.</summary>
public sealed record AccessLogItem(
    long Id,
    DateTime OccurredAtUtc,
    string UserId,
    string UserEmail,
    AccessLogAction Action,
    string Subject);
