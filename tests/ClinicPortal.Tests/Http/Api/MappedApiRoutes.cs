using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// Reads every route the running app maps under /api, one entry per HTTP method, leaving out the
/// fallback that returns 404 and 405 for paths no route takes.
/// </summary>
internal static class MappedApiRoutes
{
    public static List<(string Method, string Pattern)> List(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && endpoint.RoutePattern.RawText != "/api/{**path}")
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => (method, endpoint.RoutePattern.RawText!)))
            .ToList();
}
