namespace ClinicPortal.Domain.Sharing;

/// <summary>One request to the SMS provider as the detail view shows it. <see cref="RequestedBy"/> is the resending admin's email, or null.</summary>
public sealed record ShareAttemptDetails(
    int Number,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc,
    ShareAttemptOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    long? DurationMs,
    string Recipient,
    string? RequestedBy);
