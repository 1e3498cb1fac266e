using System.Diagnostics;

namespace ClinicPortal.Web.Api.Errors;

/// <summary>
/// Completes every ProblemDetails body the app writes (RFC 9457): a <c>type</c> and <c>title</c>
/// for each status code, and the request's trace id as <c>trace_id</c>, snake_case like the rest of the API.
/// </summary>
internal static class ApiProblemDetails
{
    public const string TraceIdName = "trace_id";

    /// <summary>The name ASP.NET Core gives the trace id; replaced by <see cref="TraceIdName"/>.</summary>
    private const string FrameworkTraceIdName = "traceId";

    /// <summary>Types and titles for the statuses that ASP.NET Core 10 leaves without a type.</summary>
    private static readonly Dictionary<int, (string Type, string Title)> MissingDefaults = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        [StatusCodes.Status429TooManyRequests] = ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove(FrameworkTraceIdName);
        problem.Extensions[TraceIdName] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (MissingDefaults.TryGetValue(status, out var defaults))
        {
            problem.Type ??= defaults.Type;
            problem.Title ??= defaults.Title;
        }

        // RFC 9457 reads a missing type as about:blank; writing it out keeps the member present for clients.
        problem.Type ??= "about:blank";
    }
}
