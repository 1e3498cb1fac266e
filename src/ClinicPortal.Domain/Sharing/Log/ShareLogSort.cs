namespace ClinicPortal.Domain.Sharing;

/// <summary>The order of the admin share log: a column and a direction. Ties fall back to newest first.</summary>
public sealed record ShareLogSort(ShareLogSortColumn Column = ShareLogSortColumn.CreatedAt, bool Descending = true)
{
    public static readonly ShareLogSort NewestFirst = new();
}
