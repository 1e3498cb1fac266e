using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// An SMS port double for domain tests: records every message and accepts it as "queued", or
/// throws the exception given in <see cref="Failure"/>, as a faulty adapter would. Dispatchers
/// send in parallel, so it is safe to call from several threads.
/// </summary>
public sealed class RecordingSmsSender : ISmsSender
{
    private readonly Lock _lock = new();
    private readonly List<SmsMessage> _messages = [];

    public string Name => "recording test double";

    public Exception? Failure { get; set; }

    /// <summary>The messages received so far, in order.</summary>
    public IReadOnlyList<SmsMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return _messages.ToArray();
            }
        }
    }

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        int count;
        lock (_lock)
        {
            _messages.Add(message);
            count = _messages.Count;
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        return Task.FromResult(new SmsSendResult($"SM-test-{count}", "queued"));
    }
}
