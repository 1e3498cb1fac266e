namespace ClinicPortal.Domain.Sharing;

/// <summary>A column the admin share log can be ordered by.</summary>
public enum ShareLogSortColumn
{
    CreatedAt,
    PatientName,
    Status,
}
