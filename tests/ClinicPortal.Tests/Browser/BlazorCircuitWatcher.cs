using Microsoft.Playwright;

namespace ClinicPortal.Tests.Browser;

/// <summary>
/// Tells when the Blazor Server circuit of a page has rendered. After applying a render batch,
/// blazor.web.js (ASP.NET Core 10.0) sends OnRenderCompleted over the page's _blazor WebSocket.
/// The first batch can hold HeadOutlet's render alone, while the page is still prerendered, so
/// callers that need working event handlers also wait for the page itself (see PortalPage).
/// </summary>
internal sealed class BlazorCircuitWatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IPage page;
    private TaskCompletionSource firstRenderCompleted = NewCompletionSource();

    // True from Reset until the main frame commits the next navigation. A socket opened then
    // belongs to the document being left, for example a circuit that was still connecting.
    private volatile bool awaitingNavigation;

    public BlazorCircuitWatcher(IPage page)
    {
        this.page = page;
        page.WebSocket += OnWebSocket;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                awaitingNavigation = false;
            }
        };
    }

    /// <summary>Forgets the current circuit. Call it before a navigation that loads a new document.</summary>
    public void Reset()
    {
        awaitingNavigation = true;
        firstRenderCompleted = NewCompletionSource();
    }

    /// <summary>Waits until a circuit opened after the last <see cref="Reset"/> has applied its first render batch.</summary>
    public async Task WaitUntilInteractiveAsync()
    {
        try
        {
            await firstRenderCompleted.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The Blazor circuit of {page.Url} did not become interactive within {Timeout.TotalSeconds} s: no OnRenderCompleted message was sent over /_blazor. Check that the page is rendered with InteractiveServer.");
        }
    }

    private void OnWebSocket(object? sender, IWebSocket socket)
    {
        if (new Uri(socket.Url).AbsolutePath != "/_blazor" || awaitingNavigation)
        {
            return;
        }

        // Frames of this socket complete the wait that was current when the socket opened, so a
        // late frame from the previous page's circuit cannot end the wait for the next page.
        var completion = firstRenderCompleted;
        socket.FrameSent += (_, frame) =>
        {
            if (IsRenderCompleted(frame))
            {
                completion.TrySetResult();
            }
        };
    }

    // Blazor uses its MessagePack hub protocol, where the method name is stored as plain ASCII.
    // The text check covers the JSON hub protocol.
    private static bool IsRenderCompleted(IWebSocketFrame frame) =>
        frame.Binary is { } binary
            ? binary.AsSpan().IndexOf("OnRenderCompleted"u8) >= 0
            : frame.Text?.Contains("OnRenderCompleted", StringComparison.Ordinal) == true;

    private static TaskCompletionSource NewCompletionSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
