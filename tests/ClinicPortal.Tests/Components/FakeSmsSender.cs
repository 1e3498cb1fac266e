using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Tests.Components;

/// <summary>Records every message instead of sending it, or raises <see cref="Failure"/> when one is set.</summary>
internal sealed class FakeSmsSender : ISmsSender
{
    private readonly List<SmsMessage> _sent = [];

    public string Name => "fake";

    public SmsSendException? Failure { get; set; }

    public IReadOnlyList<SmsMessage> Sent => _sent;

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        _sent.Add(message);
        return Task.FromResult(new SmsSendResult($"SM{_sent.Count:D32}", "queued"));
    }
}
