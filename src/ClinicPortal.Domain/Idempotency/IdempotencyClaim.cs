namespace ClinicPortal.Domain.Idempotency;

/// <summary>The outcome of claiming an Idempotency-Key for a request.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key was free and now belongs to this request, which runs and then completes or releases it.</summary>
    public sealed record Claimed(int RecordId) : IdempotencyClaim;

    /// <summary>The key was used before with the same request, which completed with this response.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The key was used before with the same request, which is still running.</summary>
    public sealed record InProgress : IdempotencyClaim;

    /// <summary>The key was used before with another method, path or body.</summary>
    public sealed record Mismatch : IdempotencyClaim;
}
