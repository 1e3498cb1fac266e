using System.Net.Sockets;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Opens connections to Twilio with a time limit of their own. A connection that is not open
/// in time fails as a connection error, which the sender classes as not sent. A request that
/// times out after the connection opened may have reached Twilio, so its outcome stays unknown.
/// </summary>
internal static class TwilioConnection
{
    public static SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, connectTimeout, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(System.Net.DnsEndPoint endPoint, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // SocketsHttpHandler wraps this in an HttpRequestException with HttpRequestError.ConnectionError.
            socket.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
