using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ClinicPortal.Web.Api.Idempotency;

namespace ClinicPortal.Web.Api.OpenApi;

/// <summary>
/// Declares the error responses an API endpoint can return, from what its metadata shows, so the
/// OpenAPI document lists them with their ProblemDetails schema. Runs as a final convention,
/// after every endpoint has its own metadata.
/// </summary>
internal static class ApiErrorResponses
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];

    public static void Describe(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var routeParameters = endpoint is RouteEndpointBuilder route ? route.RoutePattern.Parameters.Count : 0;
        var acceptsBody = metadata.OfType<IAcceptsMetadata>().Any();
        var methodInfo = metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        var hasQuery = methodInfo?.GetParameters().Any(parameter => parameter.Name is "page" or "page_size") == true;

        if (acceptsBody || routeParameters > 0 || hasQuery)
        {
            Add(endpoint, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(endpoint, StatusCodes.Status401Unauthorized);
            Add(endpoint, StatusCodes.Status403Forbidden);
        }

        if (routeParameters > 0)
        {
            Add(endpoint, StatusCodes.Status404NotFound);
        }

        if (metadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            Add(endpoint, StatusCodes.Status409Conflict);
            Add(endpoint, StatusCodes.Status422UnprocessableEntity);
        }

        if (acceptsBody)
        {
            Add(endpoint, StatusCodes.Status413PayloadTooLarge);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || IsSignIn(endpoint))
        {
            Add(endpoint, StatusCodes.Status429TooManyRequests);
        }

        Add(endpoint, StatusCodes.Status500InternalServerError);
    }

    private static bool IsSignIn(EndpointBuilder endpoint) =>
        endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.EndsWith("/login", StringComparison.Ordinal);

    private static void Add(EndpointBuilder endpoint, int statusCode, Type? type = null)
    {
        // An endpoint's own declaration of the status (Identity's ValidationProblem, for one) wins.
        if (endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(existing => existing.StatusCode == statusCode))
        {
            return;
        }

        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, type ?? typeof(ProblemDetails), ProblemContentTypes));
    }
}
