namespace ClinicPortal.Domain.Idempotency;

/// <summary>
/// A client's Idempotency-Key, claimed by the first request that carried it. Until that request
/// completes, <see cref="StatusCode"/> is null and the claim only blocks duplicates. Once it
/// completes, the row stores the response so that a retry gets the same one.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    private IdempotencyRecord()
    {
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the method, path and body of the first request, in hexadecimal.</summary>
    public string RequestHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the row may be purged and the key reused; a claim that never completes expires early.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public bool IsCompleted => StatusCode is not null;

    public static IdempotencyRecord Claim(string userId, string key, string requestHash, DateTime nowUtc, TimeSpan claimTimeout) => new()
    {
        UserId = userId,
        Key = key,
        RequestHash = requestHash,
        CreatedAtUtc = nowUtc,
        ExpiresAtUtc = nowUtc + claimTimeout,
    };

    public void Complete(StoredResponse response, DateTime nowUtc, TimeSpan retention)
    {
        StatusCode = response.StatusCode;
        ContentType = response.ContentType;
        Location = response.Location;
        Body = response.Body;
        ExpiresAtUtc = nowUtc + retention;
    }

    public StoredResponse ToResponse() =>
        new(StatusCode ?? throw new InvalidOperationException($"Idempotency key {Id} has no stored response yet."), ContentType, Location, Body ?? []);
}
