namespace ClinicPortal.Tests.Support.FakeTwilio;

/// <summary>How the fake Twilio server responds to one request to the Messages resource.</summary>
public sealed record FakeTwilioResponse
{
    /// <summary>HTTP status code of the response, unused when <see cref="DropConnection"/> is set.</summary>
    public int StatusCode { get; init; } = 201;

    /// <summary>Message status in an accepted response, for example "queued".</summary>
    public string MessageStatus { get; init; } = "queued";

    /// <summary>Value of num_segments in an accepted response.</summary>
    public int NumSegments { get; init; } = 1;

    /// <summary>Twilio error code in an error response, for example 20003.</summary>
    public int? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Time waited before responding, for example to make the client time out.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// A task the fake waits for before it responds, so a test can hold the request in flight
    /// and release it. The wait also ends when the client aborts the request.
    /// </summary>
    public Task? HeldUntil { get; init; }

    /// <summary>
    /// A body sent as text/html in place of a Twilio error, with <see cref="StatusCode"/>, as a
    /// proxy or load balancer in front of Twilio would send it; the empty string sends no body.
    /// </summary>
    public string? RawBody { get; init; }

    /// <summary>Value of the Retry-After header in whole seconds, or null for no header.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Aborts the TCP connection instead of responding.</summary>
    public bool DropConnection { get; init; }

    public bool IsAccepted => !DropConnection && ErrorCode is null && RawBody is null;

    /// <summary>Accepts the message with HTTP 201 and the given status.</summary>
    public static FakeTwilioResponse Accepted(string messageStatus = "queued", int numSegments = 1) =>
        new() { StatusCode = 201, MessageStatus = messageStatus, NumSegments = numSegments };

    /// <summary>Rejects the message with a Twilio error body, for example 401 and code 20003.</summary>
    public static FakeTwilioResponse Error(int statusCode, int errorCode, string errorMessage) =>
        new() { StatusCode = statusCode, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>Responds with the status and a body that is not a Twilio error, for example an HTML page.</summary>
    public static FakeTwilioResponse NonTwilioError(int statusCode, string body) => new() { StatusCode = statusCode, RawBody = body };

    public static FakeTwilioResponse AuthenticationError() => Error(401, 20003, "Authenticate");

    public static FakeTwilioResponse ConnectionDropped() => new() { DropConnection = true };

    /// <summary>Keeps the request open until <paramref name="release"/> completes or the client aborts it.</summary>
    public static FakeTwilioResponse Held(Task release) => new() { HeldUntil = release };
}
