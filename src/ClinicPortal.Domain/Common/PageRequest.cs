namespace ClinicPortal.Domain.Common;

/// <summary>A 1-based page number and a page size of 1 to <see cref="MaxPageSize"/>.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Validates the request and returns its page of a list already loaded in full, with the list's count.</summary>
    public PagedResult<T> Slice<T>(IReadOnlyList<T> rows)
    {
        Validate();
        return new PagedResult<T>(rows.Count, rows.Skip(Skip).Take(PageSize).ToList());
    }

    /// <summary>Raises a validation error naming "page" or "page_size" when either is out of range.</summary>
    public void Validate()
    {
        var errors = new ValidationErrors();
        if (Page < 1)
        {
            errors.Add(nameof(Page), "Enter a page number of 1 or more.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(nameof(PageSize), $"Enter a page size from 1 to {MaxPageSize}.");
        }
        else if (Page > int.MaxValue / PageSize)
        {
            errors.Add(nameof(Page), $"Enter a page number of {int.MaxValue / PageSize} or less for a page size of {PageSize}.");
        }

        errors.ThrowIfAny();
    }
}
