namespace ClinicPortal.Domain.Common;

/// <summary>One page of a list, with the total count of rows across all pages.</summary>
public sealed record PagedResult<T>(int Count, IReadOnlyList<T> Results);
