using ClinicPortal.Domain.Idempotency;
using ClinicPortal.Web.Api.Idempotency;
using ClinicPortal.Web.Api.OpenApi;
using ClinicPortal.Web.Api.RateLimiting;

namespace ClinicPortal.Web.Api;

/// <summary>Registers what the REST API needs beyond its endpoints: OpenAPI, rate limits and Idempotency-Key storage.</summary>
internal static class ApiServices
{
    public static void AddApiServices(this IServiceCollection services)
    {
        services.AddApiOpenApi();
        services.AddApiRateLimiting();

        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyPurgeWorker>();
    }
}
