using Microsoft.Data.Sqlite;

namespace ClinicPortal.Tests.Support;

/// <summary>A SQLite database file in the temp folder, deleted with its journal files on dispose.</summary>
public sealed class TestDatabaseFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clinicportal-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path }.ToString();

    public void Dispose()
    {
        // Pooled connections keep the file open; they must be closed before it can be deleted.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }
}
