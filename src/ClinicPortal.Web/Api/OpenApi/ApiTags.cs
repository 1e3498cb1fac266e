using Microsoft.AspNetCore.Http.Metadata;

namespace ClinicPortal.Web.Api.OpenApi;

/// <summary>Groups the API's routes by path in the OpenAPI document, so the reference page lists them by audience.</summary>
internal static class ApiTags
{
    /// <summary>Path prefixes and their tag; the first match wins, so longer prefixes come first.</summary>
    private static readonly (string Prefix, string Tag)[] TagsByPrefix =
    [
        ("/api/auth/progress-notes", "Progress notes"),
        ("/api/auth/profile", "Patient"),
        ("/api/auth/preferences", "Patient"),
        ("/api/auth/shares", "Patient"),
        ("/api/auth/consent-history", "Patient"),
        ("/api/auth", "Account"),
        ("/api/admin", "Admin"),
        ("/api/twilio", "Twilio webhooks"),
    ];

    public static void Assign(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } pattern } || endpoint.Metadata.OfType<ITagsMetadata>().Any())
        {
            return;
        }

        var match = TagsByPrefix.FirstOrDefault(entry => pattern.StartsWith(entry.Prefix, StringComparison.Ordinal));
        if (match.Tag is not null)
        {
            endpoint.Metadata.Add(new TagsAttribute(match.Tag));
        }
    }
}
