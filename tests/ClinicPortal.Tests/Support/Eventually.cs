using System.Diagnostics;

namespace ClinicPortal.Tests.Support;

/// <summary>Waits for background work, such as the share dispatcher, to reach a state.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Reads a value until it satisfies <paramref name="isDone"/> and returns it, or fails after
    /// <paramref name="timeout"/> with <paramref name="description"/> and the last value read.
    /// </summary>
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> isDone, TimeSpan timeout, string description)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (isDone(value))
            {
                return value;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting until {description}. Last value: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
