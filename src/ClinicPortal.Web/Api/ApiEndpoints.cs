using ClinicPortal.Domain.Accounts;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api.OpenApi;
using ClinicPortal.Web.Api.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace ClinicPortal.Web.Api;

/// <summary>Maps the REST API under /api: Identity's endpoints under /api/auth and the clinic's routes.</summary>
internal static class ApiEndpoints
{
    public static void MapClinicApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiErrorFilter>();

        // Final conventions see each endpoint's own metadata: its methods, authorization and filters.
        IEndpointConventionBuilder conventions = api;
        conventions.Finally(ApiRateLimiting.LimitWrites);
        conventions.Finally(ApiErrorResponses.Describe);
        conventions.Finally(ApiTags.Assign);

        api.MapGroup("/auth").MapIdentityApi<ApplicationUser>()
            .AddEndpointFilter(IdentityRequestValidation.RequireFieldsAsync)
            .AddEndpointFilter(IdentityRequestValidation.ExplainSignInFailureAsync)
            .AddEndpointFilter(CompletePatientRegistrationAsync)
            .AddEndpointFilter(ApiRateLimiting.LimitSignInPerAccountAsync);
        api.MapProfileEndpoints();
        api.MapPreferencesEndpoints();
        api.MapDisclosureEndpoints();
        api.MapProgressNoteEndpoints();
        api.MapShareLogEndpoints();
        api.MapAdminPatientEndpoints();
        api.MapAccountEndpoints();
        api.MapTwilioWebhookEndpoints();
    }

    /// <summary>Makes an account registered through POST /api/auth/register a patient, as the registration page does.</summary>
    private static async ValueTask<object?> CompletePatientRegistrationAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var registration = context.Arguments.OfType<RegisterRequest>().FirstOrDefault();

        // Identity's handler returns Results<Ok, ValidationProblem>, which wraps the actual result.
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        if (registration is null || outcome is not Ok)
        {
            return result;
        }

        var services = context.HttpContext.RequestServices;
        var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(registration.Email)
            ?? throw new InvalidOperationException("The account just registered was not found.");
        await services.GetRequiredService<PatientRegistration>().CompleteAsync(user, "", "");
        return result;
    }
}
