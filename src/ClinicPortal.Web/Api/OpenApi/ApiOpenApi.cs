using ClinicPortal.Domain.Common;
using ClinicPortal.Web.Api.Errors;
using ClinicPortal.Web.Api.Idempotency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ClinicPortal.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, built by ASP.NET Core from the endpoints. It reads
/// the app's JSON options, so names are snake_case as on the wire. In Development, Scalar shows
/// the document as a browsable reference at /scalar.
/// </summary>
internal static class ApiOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    private const string BearerSchemeName = "bearer";

    public static void AddApiOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ClinicPortal API";
            document.Info.Description = "Routes stay where they are in this version; a breaking change would be published under a new path prefix. Errors are ProblemDetails (RFC 9457) with a trace_id.";

            // Routes that need a signed-in user take the token from POST /api/auth/login, or the browser's cookie.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The access_token that POST /api/auth/login returns.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // The generator marks every constructor parameter as required. A property that
            // accepts null may be left out of the request, so it is not required.
            foreach (var property in context.JsonTypeInfo.Properties.Where(property => property.IsSetNullable && !property.IsRequired))
            {
                schema.Required?.Remove(property.Name);
            }

            if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) || typeof(HttpValidationProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties[ApiProblemDetails.TraceIdName] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Id of the request in the portal's logs; quote it to the clinic's administrator.",
                };
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(parameter => parameter.Name == "page_size")?.Schema is OpenApiSchema pageSize)
            {
                pageSize.Minimum = "1";
                pageSize.Maximum = PageRequest.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyFilter.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Makes the request safe to retry for 24 hours: the same key with the same body returns the first response; with another body, 422.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Domain.Idempotency.IdempotencyRecord.MaxKeyLength },
                });
            }

            return Task.CompletedTask;
        });
    });

    public static void MapApiOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
    }
}
