using ClinicPortal.Web.Api;
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

// API errors without a body (401, 403 from authorization, 404 for unknown routes) get a
// ProblemDetails body; pages get the HTML not-found page.
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages());
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// Called here, after the status code pages, so that 401 and 403 responses pass through them.
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapClinicApi();

await app.InitializeDatabaseAsync();
app.LogSmsSender();
await app.RunAsync();
