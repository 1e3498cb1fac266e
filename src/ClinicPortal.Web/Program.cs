using ClinicPortal.Domain.Sharing;
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

// API errors are ProblemDetails written by the endpoints, never the HTML not-found page.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapClinicApi();

await app.InitializeDatabaseAsync();
app.Logger.LogInformation("SMS sender: {Sender}", app.Services.GetRequiredService<ISmsSender>().Name);
await app.RunAsync();
