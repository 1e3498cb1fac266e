using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Tests.Support;

/// <summary>
/// An SMS port double for domain tests: records every message and accepts it as "queued", or
/// throws the exception given in <see cref="Failure"/>, as a faulty adapter would.
/// </summary>
public sealed class RecordingSmsSender : ISmsSender
{
    private readonly List<SmsMessage> _messages = [];

    public string Name => "recording test double";

    public Exception? Failure { get; set; }

    public IReadOnlyList<SmsMessage> Messages => _messages;

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        _messages.Add(message);
        if (Failure is not null)
        {
            throw Failure;
        }

        return Task.FromResult(new SmsSendResult($"SM-test-{_messages.Count}", "queued"));
    }
}
