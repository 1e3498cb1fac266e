using System.Diagnostics;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Tests.Browser;

/// <summary>Reads the SMS that the app under test stored in its development outbox table instead of sending them.</summary>
internal sealed class DevelopmentOutboxReader(string connectionString)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<int> GetLastIdAsync()
    {
        await using var db = CreateContext();
        return await db.DevelopmentOutbox.MaxAsync(message => (int?)message.Id) ?? 0;
    }

    /// <summary>
    /// Waits for the first message with an id above <paramref name="afterId"/>. The app's
    /// dispatcher sends in the background after a note is saved, so the row appears a little later.
    /// </summary>
    public async Task<DevelopmentOutboxMessage> WaitForMessageAfterAsync(int afterId, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = CreateContext())
            {
                var message = await db.DevelopmentOutbox.AsNoTracking()
                    .Where(m => m.Id > afterId)
                    .OrderBy(m => m.Id)
                    .FirstOrDefaultAsync();
                if (message is not null)
                {
                    return message;
                }
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"No SMS reached the development outbox within {timeout.TotalSeconds} s (last id before: {afterId}). Check the share log and the app's output for a skipped or failed share.");
            }

            await Task.Delay(PollInterval);
        }
    }

    private ClinicDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseSqlite(connectionString).Options);
}
