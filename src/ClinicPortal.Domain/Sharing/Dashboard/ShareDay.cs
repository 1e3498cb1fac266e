namespace ClinicPortal.Domain.Sharing;

/// <summary>The shares created on one day in the clinic's time zone, counted by outcome.</summary>
public sealed record ShareDay(DateOnly Date, IReadOnlyDictionary<ShareOutcome, int> Counts);
