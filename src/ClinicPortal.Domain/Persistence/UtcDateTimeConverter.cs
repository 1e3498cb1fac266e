using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicPortal.Domain.Persistence;

/// <summary>
/// Stores every DateTime as UTC and reads it back with <see cref="DateTimeKind.Utc"/>. SQLite
/// keeps it as ISO 8601 text, which sorts in time order.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
