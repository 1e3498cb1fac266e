namespace ClinicPortal.Web.Components.Pages.Psychologist;

/// <summary>
/// Runs an action once after a delay unless cancelled first. Called from a component's event
/// handler, the action resumes on the circuit's dispatcher, as the rest of the component does.
/// The action handles its own errors, because nothing awaits it.
/// </summary>
internal sealed class DelayedRun : IDisposable
{
    private CancellationTokenSource? pending;

    public bool IsScheduled => pending is not null;

    /// <summary>Cancels any pending run and schedules this one: the action runs once the calls pause for <paramref name="delay"/>.</summary>
    public void Restart(TimeSpan delay, Func<Task> action)
    {
        Cancel();
        Schedule(delay, action);
    }

    /// <summary>Schedules the action unless a run is already pending, so runs start at least <paramref name="delay"/> apart.</summary>
    public void StartIfIdle(TimeSpan delay, Func<Task> action)
    {
        if (pending is null)
        {
            Schedule(delay, action);
        }
    }

    public void Cancel()
    {
        pending?.Cancel();
        pending = null;
    }

    public void Dispose() => Cancel();

    private void Schedule(TimeSpan delay, Func<Task> action)
    {
        var source = new CancellationTokenSource();
        pending = source;
        _ = RunAfterAsync(delay, action, source);
    }

    private async Task RunAfterAsync(TimeSpan delay, Func<Task> action, CancellationTokenSource source)
    {
        try
        {
            await Task.Delay(delay, source.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (pending == source)
        {
            pending = null;
        }

        await action();
    }
}
