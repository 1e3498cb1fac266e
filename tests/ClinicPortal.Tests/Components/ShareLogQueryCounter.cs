using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicPortal.Tests.Components;

/// <summary>
/// Counts the share log's loads: each call of ShareLogService.ListAsync runs exactly one count
/// query on the ProgressShares table.
/// </summary>
internal sealed class ShareLogQueryCounter : DbCommandInterceptor
{
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsShareCount(command.CommandText))
        {
            Interlocked.Increment(ref _loads);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (IsShareCount(command.CommandText))
        {
            Interlocked.Increment(ref _loads);
        }

        return ValueTask.FromResult(result);
    }

    private static bool IsShareCount(string sql) =>
        sql.Contains("COUNT(*)", StringComparison.Ordinal) && sql.Contains("FROM \"ProgressShares\"", StringComparison.Ordinal)
        && !sql.Contains("JOIN", StringComparison.Ordinal);
}
