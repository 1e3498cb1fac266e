namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Tells open pages when the dispatcher changed a share, so the note editor can report a failed
/// send. A subscription lasts until its token is disposed.
/// </summary>
public sealed class ShareStatusNotifications
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];

    public IDisposable Subscribe(int shareId, Func<ShareStatusChanged, Task> handler)
    {
        var subscription = new Subscription(this, shareId, handler);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public async Task PublishAsync(ShareStatusChanged change)
    {
        Subscription[] matching;
        lock (_lock)
        {
            matching = _subscriptions.Where(s => s.ShareId == change.ShareId).ToArray();
        }

        foreach (var subscription in matching)
        {
            await subscription.Handler(change);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(ShareStatusNotifications owner, int shareId, Func<ShareStatusChanged, Task> handler) : IDisposable
    {
        public int ShareId { get; } = shareId;

        public Func<ShareStatusChanged, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
