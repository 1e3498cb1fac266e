using Microsoft.AspNetCore.Routing.Template;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Responds to a request under /api that no route takes. Without it, the pages' catch-all GET route
/// would take the request: a POST to a mistyped path would get 405 and a GET to a POST-only route
/// would get the pages' 404. Here a path that an API route matches with other methods gets 405
/// with an Allow header, a body an API route turned away for its content type gets 415, and any
/// other path gets 404.
/// </summary>
internal static class ApiFallback
{
    public const string Pattern = "/api/{**path}";

    public static void MapApiFallback(this WebApplication app) =>
        app.Map(Pattern, Respond).ExcludeFromDescription();

    private static IResult Respond(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var allowed = AllowedMethods(endpoints, path);
        if (allowed.Count == 0)
        {
            return TypedResults.Problem(
                $"No API route matches {path}. The routes are listed in /openapi/v1.json.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not Found");
        }

        // A route takes this method and path, so routing turned the request away for its content type.
        if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                ApiExceptionHandler.JsonContentTypeFix,
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type");
        }

        var methods = string.Join(", ", allowed);
        context.Response.Headers.Allow = methods;
        return TypedResults.Problem(
            $"{context.Request.Method} is not allowed on {path}. Use {methods}.",
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Method Not Allowed");
    }

    private static List<string> AllowedMethods(EndpointDataSource endpoints, PathString path) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } raw
                && raw.StartsWith("/api/", StringComparison.Ordinal)
                && raw != Pattern
                && Matches(endpoint, path))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    // Route constraints such as {id:int} are not checked, so "/api/auth/progress-notes/abc/" counts as a note's path.
    private static bool Matches(RouteEndpoint endpoint, PathString path) =>
        new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary())
            .TryMatch(path, new RouteValueDictionary());
}
