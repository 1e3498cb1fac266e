using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Writes exceptions that escape an API endpoint as ProblemDetails without internal details: a
/// malformed body or query value is a 400 that names the field (an unknown field too, because the
/// JSON options reject unmapped members), anything else a 500 with the trace id to quote to support.
/// </summary>
internal static partial class ApiExceptionHandler
{
    public const string JsonContentTypeFix = "Send the body as JSON with the header Content-Type: application/json.";

    public static void UseApiExceptionHandler(this IApplicationBuilder api) =>
        api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteProblemAsync,

            // A malformed request is the caller's error: it is logged once below as a warning, not as a server failure.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var exception = feature?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler));

        IResult result;
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType })
        {
            LogBadRequest(logger, context.Request.Path, "Content-Type");
            result = TypedResults.Problem(
                JsonContentTypeFix,
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type");
        }
        else if (exception is BadHttpRequestException badRequest)
        {
            var (field, message) = Describe(badRequest, AcceptedFields(context, feature?.Endpoint));
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

    /// <summary>
    /// Names the field from the JSON path of the error, for example $.session_number. A field that
    /// the body type does not have is reported as unknown, with the fields it accepts.
    /// </summary>
    private static (string Field, string Message) Describe(BadHttpRequestException exception, IReadOnlyList<string>? acceptedFields)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 2 } path })
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            if (acceptedFields is not null && !field.Contains('.') && !field.Contains('[') && !acceptedFields.Contains(field))
            {
                return (field, $"{field} is not a field of this request. Remove it; the accepted fields are {string.Join(", ", acceptedFields)}.");
            }

            return (field, $"The value of {field} has the wrong type or format. Check the API documentation for the expected type.");
        }

        if (exception.InnerException is JsonException json && MissingRequiredProperties().Match(json.Message) is { Success: true } missing)
        {
            var fields = QuotedName().Matches(missing.Groups["names"].Value).Select(match => match.Groups["name"].Value).ToList();
            return (fields[0], $"{string.Join(", ", fields)} {(fields.Count == 1 ? "is" : "are")} missing. Add {(fields.Count == 1 ? "it" : "them")} to the body.");
        }

        if (exception.InnerException is JsonException)
        {
            return ("body", "The body is not valid JSON. Send a JSON object.");
        }

        if (ParameterBinding().Match(exception.Message) is { Success: true } binding)
        {
            var name = binding.Groups["name"].Value;
            return (name, $"The value '{binding.Groups["value"].Value}' of {name} is not valid. Send a {Describe(binding.Groups["type"].Value)}.");
        }

        return exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? ("body", "The request body is missing or empty. Send a JSON object with Content-Type application/json.")
            : ("request", "A query or route value has the wrong format, for example a page number that is not a whole number.");
    }

    private static string Describe(string parameterType) => parameterType.TrimEnd('?') switch
    {
        "int" or "long" => "whole number",
        "bool" => "true or false",
        "DateTime" or "DateTimeOffset" or "DateOnly" => "date in ISO 8601 form, such as 2025-01-19",
        _ => "value of type " + parameterType,
    };

    // System.Text.Json: "JSON deserialization for type 'X' was missing required properties including: 'email', 'password'."
    [GeneratedRegex("missing required properties including: (?<names>.+)$")]
    private static partial Regex MissingRequiredProperties();

    [GeneratedRegex("'(?<name>[^']+)'")]
    private static partial Regex QuotedName();

    // ASP.NET Core: Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("^Failed to bind parameter \"(?<type>\\S+) (?<name>\\w+)\" from \"(?<value>.*)\"\\.?$")]
    private static partial Regex ParameterBinding();

    /// <summary>Returns the JSON names of the body type the endpoint accepts, or null when it takes no JSON object.</summary>
    private static IReadOnlyList<string>? AcceptedFields(HttpContext context, Endpoint? endpoint)
    {
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null)
        {
            return null;
        }

        var serializerOptions = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = serializerOptions.GetTypeInfo(bodyType);
        return typeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object
            ? typeInfo.Properties.Select(property => property.Name).ToList()
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a malformed request to {Path}: field {Field}")]
    private static partial void LogBadRequest(ILogger logger, PathString path, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, PathString path);
}
