using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicPortal.Domain.Idempotency;
using ClinicPortal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api.Idempotency;

/// <summary>
/// Makes a write endpoint safe to retry with an Idempotency-Key header. The first request with a
/// key claims it and runs, and a successful (2xx) response is stored for the user for
/// <see cref="IdempotencyOptions.Retention"/>. A retry with the same key and the same request
/// gets that response again without running the endpoint. A retry with another request gets
/// 422, and one that arrives while the first still runs gets 409. A failed request frees the key.
/// Requests without the header run as usual.
/// </summary>
internal sealed partial class IdempotencyFilter(
    IdempotencyStore store,
    IOptions<JsonOptions> jsonOptions,
    ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return await next(context);
        }

        if (values.Count > 1 || !IsValidKey(values[0]))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [HeaderName] = [$"Send one Idempotency-Key header of 1 to {IdempotencyRecord.MaxKeyLength} visible ASCII characters, for example a UUID."],
            });
        }

        var key = values[0]!;
        var userId = http.User.GetUserId();
        var claim = await store.ClaimAsync(userId, key, ComputeRequestHash(context), http.RequestAborted);
        return claim switch
        {
            IdempotencyClaim.Claimed claimed => await RunAndStoreAsync(context, next, claimed.RecordId),
            IdempotencyClaim.Replay replay => new StoredResponseResult(replay.Response),
            IdempotencyClaim.Mismatch => TypedResults.Problem(
                "This Idempotency-Key was already used for a different request (another route or body). Send a new key for a new request.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused"),
            IdempotencyClaim.InProgress => InProgress(http),
            _ => throw new InvalidOperationException($"Unexpected idempotency claim {claim}."),
        };
    }

    /// <summary>Runs the endpoint, writes its response through a buffer, and stores it when it succeeded.</summary>
    private async Task<object?> RunAndStoreAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, int recordId)
    {
        var http = context.HttpContext;
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // The key is freed before the error filter turns the exception into a response.
            await store.ReleaseAsync(recordId, CancellationToken.None);
            throw;
        }

        if (result is not IResult httpResult)
        {
            await store.ReleaseAsync(recordId, CancellationToken.None);
            return result;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await httpResult.ExecuteAsync(http);
        }
        catch
        {
            await store.ReleaseAsync(recordId, CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        var statusCode = http.Response.StatusCode;
        if (statusCode is >= 200 and < 300)
        {
            // Stored even when the client has gone, because its retry needs this response.
            var response = new StoredResponse(statusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
            try
            {
                await store.CompleteAsync(recordId, response, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The request's work is committed, so the client still gets its response. A retry
                // with this key finds the claim unfinished until the claim expires.
                LogCompleteFailed(logger, exception, recordId);
            }
        }
        else
        {
            LogKeyReleased(logger, recordId, statusCode);
            await store.ReleaseAsync(recordId, CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    private static ProblemHttpResult InProgress(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            "A request with this Idempotency-Key is still running. Retry after it has finished to get its response.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Request in progress");
    }

    /// <summary>
    /// Hashes what makes two requests the same: the method, the route and its values, and the
    /// bound JSON body. Whitespace and property order in the body therefore do not matter.
    /// </summary>
    private string ComputeRequestHash(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var text = new StringBuilder()
            .Append(http.Request.Method).Append('\n')
            .Append((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.ToString()).Append('\n');
        foreach (var (name, value) in http.Request.RouteValues.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value).Append('\n');
        }

        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = bodyType is null ? null : context.Arguments.FirstOrDefault(argument => argument?.GetType() == bodyType);
        if (body is not null)
        {
            text.Append(JsonSerializer.Serialize(body, bodyType!, jsonOptions.Value.SerializerOptions));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= IdempotencyRecord.MaxKeyLength } && key.All(character => character is >= '!' and <= '~');

    [LoggerMessage(Level = LogLevel.Information, Message = "Freed idempotency key {RecordId} because its request ended with status {StatusCode}")]
    private static partial void LogKeyReleased(ILogger logger, int recordId, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing the response of idempotency record {RecordId} failed; the response was sent without being stored")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, int recordId);
}
