using ClinicPortal.Domain.Sharing;
using Microsoft.OpenApi;

namespace ClinicPortal.Web.Api.OpenApi;

/// <summary>
/// Describes the share log's filter parameters in the OpenAPI document. The list and its CSV
/// export read them from the query string themselves, so the generator cannot see them.
/// </summary>
internal static class ShareLogFilterDocumentation
{
    private static readonly (string Name, string Description)[] Parameters =
    [
        ("status", "Only shares in this status: " + Names<ShareStatus>() + "."),
        ("reason", "Only shares skipped or failed for this reason: " + Names<ShareReason>() + "."),
        ("patient", "Only shares about the patient with this id."),
        ("psychologist", "Only shares of notes written by the psychologist with this user id."),
        ("from", "Only shares created at or after this ISO 8601 date or instant; a date alone starts at midnight in the clinic's time zone."),
        ("to", "Only shares created before this ISO 8601 instant, or on or before this date in the clinic's time zone."),
        ("search", "Only shares whose patient's name contains this text."),
        ("ordering", "The order: " + string.Join(", ", ShareLogQueryParameters.Orderings.Keys) + "; the default is -created_at."),
    ];

    public static RouteHandlerBuilder DescribeShareLogFilters(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in Parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

    private static string Names<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(ShareLogQueryParameters.ToSnakeCase));
}
