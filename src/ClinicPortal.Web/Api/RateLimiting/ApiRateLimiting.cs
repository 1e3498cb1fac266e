using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using ClinicPortal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Api.RateLimiting;

/// <summary>
/// Rate limits through ASP.NET Core's rate limiter: sign-in attempts per IP address (API and
/// login form) and per account (API), and writes per signed-in user. A rejected request gets 429
/// with Retry-After in seconds and, on the API, a ProblemDetails body.
/// </summary>
internal static partial class ApiRateLimiting
{
    public const string WritesPolicy = "writes";

    /// <summary>The paths whose POST is a sign-in attempt: Identity's API endpoint and the login form.</summary>
    private static readonly string[] SignInPaths = ["/api/auth/login", "/Account/Login"];

    public static void AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInAccountLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>>((limiter, options) =>
        {
            var settings = options.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    "sign-in:" + ClientAddress(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerAddress, Window = settings.SignInWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));

            limiter.AddPolicy(WritesPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.GetUserId() : "address:" + ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.WritesPerUser, Window = settings.WritesWindow, QueueLimit = 0 }));
        });
    }

    /// <summary>
    /// Applies the writes limit to every POST, PUT, PATCH and DELETE endpoint that requires a
    /// signed-in user. Anonymous endpoints (sign-in, registration, Twilio's signed webhooks) are left out.
    /// </summary>
    public static void LimitWrites(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().SelectMany(m => m.HttpMethods);
        var isWrite = methods.Any(method => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method));
        var requiresUser = endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any();
        if (isWrite && requiresUser && !endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(WritesPolicy));
        }
    }

    /// <summary>Limits attempts per account on POST /api/auth/login, after the per-address limit has passed.</summary>
    public static async ValueTask<object?> LimitSignInPerAccountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { Email.Length: > 0 } login)
        {
            var limiter = context.HttpContext.RequestServices.GetRequiredService<SignInAccountLimiter>();
            if (limiter.TryAcquire(login.Email) is { } retryAfter)
            {
                await RejectAsync(context.HttpContext, retryAfter);
                return Results.Empty;
            }
        }

        return await next(context);
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    private static async ValueTask RejectAsync(HttpContext context, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRateLimiting));
        LogRejected(logger, context.Request.Method, context.Request.Path, seconds);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests. Wait {seconds} seconds, then try again.";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached: rejected {Method} {Path}, retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int retryAfterSeconds);
}
