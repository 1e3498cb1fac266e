using Microsoft.Data.Sqlite;

namespace ClinicPortal.Tests.Process;

/// <summary>
/// A row of the ProgressShares table as stored, with the outcome of its latest attempt, read
/// directly from the database file while or after an app process uses it.
/// </summary>
internal sealed record ShareRow(int NoteId, string Status, string? LeaseOwner, int AttemptCount, string? LatestAttemptOutcome)
{
    /// <summary>Reads every share, in note id order.</summary>
    public static async Task<IReadOnlyList<ShareRow>> ReadAllAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.NoteId, s.Status, s.LeaseOwner, s.AttemptCount,
                   (SELECT a.Outcome FROM ShareAttempts a WHERE a.ShareId = s.Id ORDER BY a.Number DESC LIMIT 1)
            FROM ProgressShares s
            ORDER BY s.NoteId
            """;

        var rows = new List<ShareRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new ShareRow(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Counts the shares that are still pending.</summary>
    public static async Task<long> CountPendingAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ProgressShares WHERE Status = 'Pending'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
