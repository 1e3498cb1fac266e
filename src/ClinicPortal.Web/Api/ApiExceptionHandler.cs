using System.Text.Json;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Writes exceptions that escape an API endpoint as ProblemDetails without internal details: a
/// malformed body or query value is a 400 that names the field, anything else a 500 with the
/// trace id to quote to support.
/// </summary>
internal static partial class ApiExceptionHandler
{
    public static void UseApiExceptionHandler(this IApplicationBuilder api) =>
        api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteProblemAsync,

            // A malformed request is the caller's error: it is logged once below as a warning, not as a server failure.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var exception = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler));

        IResult result;
        if (exception is BadHttpRequestException badRequest)
        {
            var (field, message) = Describe(badRequest);
            LogBadRequest(logger, context.Request.Path, field);
            result = TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request could not be read.");
        }
        else
        {
            LogUnhandled(logger, exception, context.Request.Path);
            result = TypedResults.Problem(
                "An unexpected error occurred and nothing was changed. Try again; if it keeps failing, give the trace id to the clinic's administrator.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Unexpected error");
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>Names the field from the JSON path of the error, for example $.session_number.</summary>
    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 2 } path })
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            return (field, $"The value of {field} has the wrong type or format. Check the API documentation for the expected type.");
        }

        if (exception.InnerException is JsonException)
        {
            return ("body", "The body is not valid JSON. Send a JSON object.");
        }

        return exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? ("body", "The request body is missing or empty. Send a JSON object with Content-Type application/json.")
            : ("request", "A query or route value has the wrong format, for example a page number that is not a whole number.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a malformed request to {Path}: field {Field}")]
    private static partial void LogBadRequest(ILogger logger, PathString path, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, PathString path);
}
