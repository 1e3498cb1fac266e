using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicPortal.Tests.Components;

/// <summary>
/// Holds every SaveChanges open while armed, until <see cref="Release"/> is called, so a test can
/// act on a page while a save is in flight.
/// </summary>
internal sealed class SaveChangesGate : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Armed { get; set; }

    public int HeldSaves { get; private set; }

    /// <summary>Completes when the first save reaches the gate.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed)
        {
            HeldSaves++;
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }

        return result;
    }
}
