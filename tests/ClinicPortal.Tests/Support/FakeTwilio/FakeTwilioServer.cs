using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Support.FakeTwilio;

/// <summary>
/// A stand-in for Twilio's REST API on 127.0.0.1 and a free port. It records every request to
/// /2010-04-01/Accounts/{AccountSid}/Messages.json and responds to each with the next scripted
/// <see cref="FakeTwilioResponse"/>, or with <see cref="DefaultResponse"/> when the script is empty.
/// It is a plain Kestrel server, so tests that start the portal as a separate process can use
/// it too: point Twilio:ApiBaseUrl at <see cref="BaseUrl"/>.
/// </summary>
public sealed partial class FakeTwilioServer : IAsyncDisposable
{
    /// <summary>An account SID in Twilio's format that belongs to no real account.</summary>
    public const string TestAccountSid = "AC00000000000000000000000000000000";

    public const string TestAuthToken = "fake-auth-token-for-tests";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Queue<FakeTwilioResponse> _script = new();
    private readonly List<FakeTwilioRequest> _requests = [];
    private readonly List<string> _unexpectedRequests = [];
    private readonly List<(int Count, TaskCompletionSource Waiter)> _waiters = [];
    private FakeTwilioResponse _defaultResponse = FakeTwilioResponse.Accepted();
    private TaskCompletionSource? _hold;

    private FakeTwilioServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Base address to use in place of https://api.twilio.com, for example http://127.0.0.1:40123.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests to the Messages resource, in the order they arrived.</summary>
    public IReadOnlyList<FakeTwilioRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>
    /// The response to a request when the script is empty; by default the message is accepted as
    /// "queued" at once. Benchmarks set a <see cref="FakeTwilioResponse.Delay"/> here to model Twilio's latency.
    /// </summary>
    public FakeTwilioResponse DefaultResponse
    {
        get
        {
            lock (_lock)
            {
                return _defaultResponse;
            }
        }
        set
        {
            lock (_lock)
            {
                _defaultResponse = value;
            }
        }
    }

    /// <summary>Any other request, as "METHOD path"; a correct client sends none.</summary>
    public IReadOnlyList<string> UnexpectedRequests
    {
        get
        {
            lock (_lock)
            {
                return _unexpectedRequests.ToArray();
            }
        }
    }

    public static Task<FakeTwilioServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(port: 0, cancellationToken);

    /// <summary>Starts the server on the given port of 127.0.0.1, or on a free one when it is 0.</summary>
    public static async Task<FakeTwilioServer> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        // The empty builder reads no appsettings or environment variables, so nothing can move
        // the server off the loopback address.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();

        var server = new FakeTwilioServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync(cancellationToken);

        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Queues responses for the next requests, one response per request.</summary>
    public void Enqueue(params FakeTwilioResponse[] responses)
    {
        lock (_lock)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    /// <summary>
    /// Makes every request from now on wait, after it is recorded, until <see cref="ReleaseResponses"/>
    /// is called or the client closes the connection. Tests use it to keep sends in flight.
    /// </summary>
    public void HoldResponses()
    {
        lock (_lock)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held requests and every later one receive their responses.</summary>
    public void ReleaseResponses()
    {
        TaskCompletionSource? hold;
        lock (_lock)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived, or fails after the timeout.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
        }

        try
        {
            await waiter.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The fake Twilio server received {Requests.Count} of {count} expected requests within {timeout.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var match = MessagesPath().Match(context.Request.Path.Value ?? "");
        if (!HttpMethods.IsPost(context.Request.Method) || !match.Success)
        {
            lock (_lock)
            {
                _unexpectedRequests.Add($"{context.Request.Method} {context.Request.Path}");
            }

            await WriteErrorAsync(context, StatusCodes.Status404NotFound, 20404, "The requested resource was not found");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var response = NextResponse();
        var messageSid = response.IsAccepted ? "SM" + Guid.NewGuid().ToString("N") : null;
        var accountSid = match.Groups["sid"].Value;
        Record(new FakeTwilioRequest(
            accountSid,
            ReadBasicAuthUser(context.Request),
            form["To"].FirstOrDefault(),
            form["From"].FirstOrDefault(),
            form["MessagingServiceSid"].FirstOrDefault(),
            form["Body"].FirstOrDefault(),
            messageSid) { StatusCallback = form["StatusCallback"].FirstOrDefault() });

        if (response.HeldUntil is { } release && !await WaitOrAbortedAsync(release, context.RequestAborted))
        {
            return;
        }

        Task? hold;
        lock (_lock)
        {
            hold = _hold?.Task;
        }

        if (hold is not null)
        {
            await hold.WaitAsync(context.RequestAborted);
        }

        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        if (response.DropConnection)
        {
            context.Abort();
            return;
        }

        if (response.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (response.RawBody is { } rawBody)
        {
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(rawBody, context.RequestAborted);
            return;
        }

        if (response.ErrorCode is { } errorCode)
        {
            await WriteErrorAsync(context, response.StatusCode, errorCode, response.ErrorMessage ?? "Error");
            return;
        }

        await WriteMessageAsync(context, response, messageSid!, accountSid, form);
    }

    /// <summary>Waits for the release and returns true, or returns false when the client aborted the request first.</summary>
    private static async Task<bool> WaitOrAbortedAsync(Task release, CancellationToken requestAborted)
    {
        try
        {
            await release.WaitAsync(requestAborted);
            return true;
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private FakeTwilioResponse NextResponse()
    {
        lock (_lock)
        {
            return _script.Count > 0 ? _script.Dequeue() : _defaultResponse;
        }
    }

    private void Record(FakeTwilioRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Waiter.TrySetResult();
            }
        }
    }

    private static string? ReadBasicAuthUser(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? credentials : credentials[..separator];
    }

    private static Task WriteMessageAsync(HttpContext context, FakeTwilioResponse response, string messageSid, string accountSid, IFormCollection form)
    {
        // The fields Twilio returns for a created message; dates and prices are left null.
        var message = new Dictionary<string, object?>
        {
            ["sid"] = messageSid,
            ["account_sid"] = accountSid,
            ["messaging_service_sid"] = form["MessagingServiceSid"].FirstOrDefault(),
            ["to"] = form["To"].FirstOrDefault(),
            ["from"] = form["From"].FirstOrDefault(),
            ["body"] = form["Body"].FirstOrDefault(),
            ["status"] = response.MessageStatus,
            ["num_segments"] = response.NumSegments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["num_media"] = "0",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["price"] = null,
            ["price_unit"] = null,
            ["error_code"] = null,
            ["error_message"] = null,
            ["date_created"] = null,
            ["date_updated"] = null,
            ["date_sent"] = null,
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json",
        };

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(message), context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, int errorCode, string message)
    {
        var error = new Dictionary<string, object?>
        {
            ["code"] = errorCode,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{errorCode}",
            ["status"] = statusCode,
        };

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(error), context.RequestAborted);
    }

    [GeneratedRegex("^/2010-04-01/Accounts/(?<sid>[^/]+)/Messages\\.json$")]
    private static partial Regex MessagesPath();
}
