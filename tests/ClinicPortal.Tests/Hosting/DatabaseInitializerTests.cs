using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Persistence;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Hosting;

/// <summary>Starting the app migrates and seeds the database; starting it again on the same file adds nothing.</summary>
public sealed class DatabaseInitializerTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SecondStart_KeepsThreeRoles()
    {
        await _host.RestartAsync(dispatcherEnabled: false);

        await using var db = await _host.App.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var roles = await db.Roles.OrderBy(r => r.NormalizedName).Select(r => r.NormalizedName).ToListAsync();

        Assert.Equal(["ADMIN", "PATIENT", "PSYCHOLOGIST"], roles);
        Assert.Equal(3, await db.Users.CountAsync());
        Assert.Equal(1, await db.Patients.CountAsync());
        Assert.Equal(1, await db.PatientAssignments.CountAsync());
    }

    [Fact]
    public async Task SecondStart_RoleCheckSucceeds()
    {
        await _host.RestartAsync(dispatcherEnabled: false);
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "new.psychologist@clinicportal.test", Email = "new.psychologist@clinicportal.test", DisplayName = "Dr Sam Lee" };

        var created = await users.CreateAsync(user, DemoAccounts.Password);
        var added = await users.AddToRoleAsync(user, ClinicRoles.Psychologist);
        var isPsychologist = await users.IsInRoleAsync(user, ClinicRoles.Psychologist);
        var patients = await _host.App.Services.GetRequiredService<ProgressNoteService>().ListMyPatientsAsync(user.Id);

        Assert.True(created.Succeeded);
        Assert.True(added.Succeeded);
        Assert.True(isPsychologist);
        Assert.Empty(patients);
    }
}
