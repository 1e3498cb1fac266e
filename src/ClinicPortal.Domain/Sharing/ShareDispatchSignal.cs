using System.Threading.Channels;

namespace ClinicPortal.Domain.Sharing;

/// <summary>
/// Wakes the dispatcher after a share is committed. Requests made while the dispatcher is busy
/// fold into one, because each run sends every pending share.
/// </summary>
public sealed class ShareDispatchSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until a dispatch is requested.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _channel.Reader.ReadAsync(cancellationToken);
    }
}
