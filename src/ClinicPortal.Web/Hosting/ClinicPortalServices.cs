using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Auditing;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Patients;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Accounts;
using ClinicPortal.Web.Api;
using ClinicPortal.Web.Api.Errors;
using ClinicPortal.Web.Components.Account;
using ClinicPortal.Web.Consent;
using ClinicPortal.Web.Sharing;
using ClinicPortal.Web.Sms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace ClinicPortal.Web.Hosting;

/// <summary>Registers every service of the portal. Program.cs calls these in order.</summary>
internal static partial class ClinicPortalServices
{
    public static void AddClinicPortal(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddLegacyEnvironmentVariables();
        builder.AddOptions();
        builder.AddPersistence();
        builder.AddIdentity();
        builder.AddSharing();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblemDetails.Customize);
        // Malformed request bodies raise, in every environment, so ApiExceptionHandler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));

            // A misspelt field would otherwise be ignored silently; ApiExceptionHandler names it.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.AddApiServices();
    }

    private static void AddOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "Clinic:TimeZone is not a known time zone; use an IANA name such as Australia/Sydney.")
            .ValidateOnStart();
        builder.Services.AddOptions<ProgressSharingOptions>().BindConfiguration(ProgressSharingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ConsentTextCatalog>();
        builder.Services.AddSingleton<IValidateOptions<ProgressSharingOptions>, ConsentTextValidation>();
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioTimeoutValidation>();
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.SectionName);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClinicClock>();
    }

    private static void AddPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("DefaultConnection")
            ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:DefaultConnection' is missing. Set it to a SQLite connection string, for example DataSource=Data/clinicportal.db.");
        connectionString = ResolveDataSource(connectionString, builder.Environment.ContentRootPath);

        builder.Services.AddDbContextFactory<ClinicDbContext>(options => options.UseClinicSqlite(connectionString));
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
    }

    /// <summary>Makes a relative SQLite file path relative to the content root and creates its folder.</summary>
    private static string ResolveDataSource(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.DataSource is "" or ":memory:" || sqlite.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        return sqlite.ToString();
    }

    private const string CookieOrBearerScheme = "Identity.CookieOrBearer";

    private static string SelectCookieOrBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;

    private static void AddIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddPolicyScheme(CookieOrBearerScheme, displayName: null, options => options.ForwardDefaultSelector = SelectCookieOrBearer)
            .AddIdentityCookies();
        // Every [Authorize] accepts the browser's cookie or a bearer token from /api/auth/login,
        // so Identity's own /api/auth/manage routes work with a token too. One scheme handles
        // each request, so a page visited without a cookie redirects to the login page rather
        // than returning 401 as the bearer scheme would.
        services.AddAuthorization(options => options.DefaultPolicy =
            new AuthorizationPolicyBuilder(CookieOrBearerScheme).RequireAuthenticatedUser().Build());
        services.ConfigureApplicationCookie(ApiCookieEvents.Configure);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // There is no email server by default, so accounts are usable without confirming an address.
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<PatientRegistration>();
        services.AddSingleton<PasswordLinks>();

        // Registered after the Identity chain, whose AddApiEndpoints registers the plain sign-in manager again.
        services.AddScoped<SignInManager<ApplicationUser>, ClinicSignInManager>();

        // A role change or a disabled account renews the security stamp; cookies are checked
        // against it on every request, and open circuits every minute. Domain services check
        // roles on every action regardless.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
    }

    /// <summary>
    /// Registers the domain's use-case services. Component tests call this too, so they run the
    /// services with the same lifetimes as the app.
    /// </summary>
    public static IServiceCollection AddDomainServices(this IServiceCollection services)
    {
        services.AddSingleton<PatientProfileService>();
        services.AddSingleton<SharingConsentService>();
        services.AddSingleton<ProgressNoteService>();
        services.AddSingleton<NoteSharePlanner>();
        services.AddSingleton<NoteSigningService>();
        services.AddSingleton<NoteDraftService>();
        services.AddSingleton<RecordVerificationService>();
        services.AddSingleton<ShareLogService>();
        services.AddSingleton<ShareDispatcher>();
        services.AddSingleton<ShareDispatchSignal>();
        services.AddSingleton<ShareStatusNotifications>();
        services.AddSingleton<ShareResendService>();
        services.AddSingleton<DeliveryStatusService>();
        services.AddSingleton<ContactOptOutService>();
        services.AddSingleton<ShareDispatchHealthService>();
        services.AddSingleton<SharedUpdatesService>();
        services.AddSingleton<PatientDirectoryService>();
        services.AddSingleton<AccessLogService>();
        services.AddSingleton<ShareDetailsService>();
        services.AddSingleton<ShareDashboardService>();
        services.AddSingleton<AccountService>();
        return services;
    }

    private static void AddSharing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDomainServices();

        services.AddTransient<TwilioResponseCapture>();
        services.AddHttpClient(TwilioSmsSender.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider => TwilioConnection.CreateHandler(provider.GetRequiredService<IOptions<TwilioOptions>>().Value.ConnectTimeout))
            .AddHttpMessageHandler(provider => new TwilioBaseUrlHandler(provider.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl))
            .AddHttpMessageHandler<TwilioResponseCapture>();
        services.AddSingleton<TwilioRequestValidator>();
        services.AddHealthChecks().AddCheck<ShareDispatchHealthCheck>("share-dispatch");
        services.AddSingleton<ISmsSender>(provider =>
            provider.GetRequiredService<IOptions<TwilioOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<TwilioSmsSender>(provider)
                : ActivatorUtilities.CreateInstance<DevelopmentSmsSender>(provider));

        if (builder.Configuration.GetValue(ProgressSharingOptions.SectionName + ":" + nameof(ProgressSharingOptions.DispatcherEnabled), true))
        {
            services.AddHostedService<ShareDispatchWorker>();
        }
    }
}
