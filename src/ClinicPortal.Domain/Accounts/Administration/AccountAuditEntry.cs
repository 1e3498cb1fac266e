namespace ClinicPortal.Domain.Accounts;

/// <summary>
/// One change to an account: who made it, to which account, what and when. Entries are
/// append-only, because database triggers reject updates and deletes.
/// </summary>
public sealed class AccountAuditEntry
{
    public long Id { get; private set; }

    /// <summary>Identity user id of the admin who made the change.</summary>
    public string ActorUserId { get; private set; } = "";

    /// <summary>Identity user id of the account changed.</summary>
    public string TargetUserId { get; private set; } = "";

    public AccountAuditAction Action { get; private set; }

    /// <summary>What changed, for example "roles: Psychologist -> Admin".</summary>
    public string Detail { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    private AccountAuditEntry()
    {
    }

    public AccountAuditEntry(string actorUserId, string targetUserId, AccountAuditAction action, string detail, DateTime occurredAtUtc)
    {
        ActorUserId = actorUserId;
        TargetUserId = targetUserId;
        Action = action;
        Detail = detail;
        OccurredAtUtc = occurredAtUtc;
    }
}
