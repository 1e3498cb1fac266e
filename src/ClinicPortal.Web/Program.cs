using ClinicPortal.Web.Api;
using ClinicPortal.Web.Api.Errors;
using ClinicPortal.Web.Api.OpenApi;
using ClinicPortal.Web.Components;
using ClinicPortal.Web.Components.Account;
using ClinicPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClinicPortal();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// Error responses without a body get one: pages the HTML not-found page, and API routes
// (401, 403 from authorization, 404 for unknown routes) a ProblemDetails body. The API branch is
// the inner middleware, so it writes its body first and the page re-execution leaves it alone.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api"),
    api =>
    {
        api.UseStatusCodePages();
        api.UseApiExceptionHandler();
        api.UseApiRequestBodyLimit();
    });

// Called here, after the status code pages, so that 401 and 403 responses pass through them.
app.UseAuthentication();
app.UseAuthorization();

// After authorization, so that the writes limit partitions by the signed-in user.
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapClinicApi();
app.MapApiFallback();
app.MapApiOpenApi();
app.MapHealthChecks("/health");

await app.InitializeDatabaseAsync();
app.LogSmsSender();
await app.RunAsync();
