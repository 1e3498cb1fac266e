using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Web.Consent;
using ClinicPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ClinicPortal.Tests.Components;

/// <summary>
/// A bUnit context with the real domain services on a migrated SQLite file of its own, a fixed
/// clock, a fake SMS sender and MudBlazor's services. Pages render beside the popover, dialog and
/// snackbar providers, as in the app's layout.
/// </summary>
public abstract class ClinicComponentTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>Friday 4 December 2026, 2:30 pm in Sydney (daylight saving time, UTC+11).</summary>
    internal static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 30, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"clinicportal-components-{Guid.NewGuid():N}.db");

    private readonly BunitAuthorizationContext _authorization;

    internal FakeSmsSender SmsSender { get; } = new();

    internal SaveChangesGate SaveGate { get; } = new();

    internal ShareLogQueryCounter ShareLogQueries { get; } = new();

    internal ClinicTestData Data { get; }

    protected ClinicComponentTestContext()
    {
        var timeProvider = new FixedTimeProvider(Now);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = false }.ToString();
        IInterceptor[] interceptors = [SaveGate, ShareLogQueries];

        Services.AddLogging();

        // Without these Identity options the context's model lacks the passkeys table, so migrating
        // would fail with pending model changes.
        Services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        Services.AddDbContextFactory<ClinicDbContext>(options => options.UseClinicSqlite(connectionString).AddInterceptors(interceptors));
        Services.Configure<ClinicOptions>(options => options.TimeZone = "Australia/Sydney");
        Services.Configure<ProgressSharingOptions>(options => options.ConsentVersion = "1.0");
        Services.AddSingleton<TimeProvider>(timeProvider);
        Services.AddSingleton<ClinicClock>();
        Services.AddSingleton(new ConsentTextCatalog(Path.Combine(AppContext.BaseDirectory, ConsentTextCatalog.FolderName)));
        Services.AddSingleton<ISmsSender>(SmsSender);
        Services.AddDomainServices();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;

        // Registered here, before migrating resolves the first service; SignIn fills it in later.
        _authorization = AddAuthorization();

        Data = new ClinicTestData(Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>(), timeProvider);
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await Data.SeedRolesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_databasePath);
    }

    /// <summary>Signs in the seeded user: bUnit's authorization with the role and a NameIdentifier claim of the user id.</summary>
    protected void SignIn(string userId, string role)
    {
        _authorization.SetAuthorized(userId);
        _authorization.SetRoles(role);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <summary>Renders the page after the MudBlazor providers, so dialogs, popovers and snackbars appear in the same markup.</summary>
    protected IRenderedComponent<IComponent> RenderPage<TPage>(params (string Name, object? Value)[] parameters)
        where TPage : IComponent
    {
        return Render(tree =>
        {
            tree.OpenComponent<MudPopoverProvider>(0);
            tree.CloseComponent();
            tree.OpenComponent<MudDialogProvider>(1);
            tree.CloseComponent();
            tree.OpenComponent<MudSnackbarProvider>(2);
            tree.CloseComponent();
            tree.OpenComponent<TPage>(3);
            foreach (var (name, value) in parameters)
            {
                tree.AddComponentParameter(4, name, value);
            }

            tree.CloseComponent();
        });
    }
}
