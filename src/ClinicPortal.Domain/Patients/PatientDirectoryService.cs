using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Domain.Patients;

/// <summary>The admin's list of patients, with each one's sharing state and no clinical content.</summary>
public sealed class PatientDirectoryService(IDbContextFactory<ClinicDbContext> dbFactory)
{
    public async Task<PagedResult<PatientDirectoryEntry>> ListAsync(string adminUserId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        var count = await db.Patients.CountAsync(cancellationToken);
        var rows = await db.Patients.AsNoTracking()
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new PatientDirectoryEntry(p.Id, p.FirstName, p.LastName, p.ShareProgressWithEmergencyContact, p.ConsentVersion))
            .ToListAsync(cancellationToken);

        return new PagedResult<PatientDirectoryEntry>(count, rows);
    }
}
