using System.ComponentModel.DataAnnotations;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Domain.Accounts;

/// <summary>
/// The admin's use cases on sign-in accounts: list, create staff accounts, change roles, disable
/// and enable, unlock. Every change renews the account's security stamp when it changes what the
/// account may do, so open sessions lose their access at the next check, and is appended to the
/// account audit log in the same save.
/// </summary>
public sealed partial class AccountService(
    IDbContextFactory<ClinicDbContext> dbFactory,
    ClinicClock clock,
    ILogger<AccountService> logger)
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 256;

    /// <summary>The roles an admin may give; patients register themselves.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [ClinicRoles.Psychologist, ClinicRoles.Admin];

    /// <summary>Lists every account by email, with its roles and state.</summary>
    public async Task<PagedResult<AccountSummary>> ListAsync(string adminUserId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        var count = await db.Users.CountAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        var roles = await LoadRolesAsync(db, users.Select(u => u.Id).ToList(), cancellationToken);

        return new PagedResult<AccountSummary>(count, users.Select(u => ToSummary(u, roles.GetValueOrDefault(u.Id, []))).ToList());
    }

    /// <exception cref="NotFoundException">No account has the id.</exception>
    public async Task<AccountSummary> GetAsync(string adminUserId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw AccountNotFound(userId);

        return ToSummary(user, await LoadRolesAsync(db, userId, cancellationToken));
    }

    /// <summary>
    /// Creates a staff account without a password. The new user sets one through a one-time link
    /// that the admin passes on.
    /// </summary>
    /// <exception cref="DomainValidationException">A field is invalid, or the email is taken (field Email).</exception>
    public async Task<AccountSummary> CreateAsync(string adminUserId, CreateAccount command, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        var email = command.Email.Trim();
        var displayName = command.DisplayName.Trim();
        var errors = new ValidationErrors();
        ValidateEmail(errors, email);
        ValidateDisplayName(errors, displayName);
        ValidateRoles(errors, command.Roles);
        errors.ThrowIfAny();

        var normalizedEmail = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail || u.NormalizedUserName == normalizedEmail, cancellationToken))
        {
            throw DomainValidationException.ForField(nameof(CreateAccount.Email), $"An account with the email {email} already exists. Use another email, or change that account.");
        }

        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = normalizedEmail,
            Email = email,
            NormalizedEmail = normalizedEmail,
            // The portal has no email server to confirm addresses with, so the admin vouches for it.
            EmailConfirmed = true,
            DisplayName = displayName,
            LockoutEnabled = true,
            SecurityStamp = NewStamp(),
        };
        db.Users.Add(user);
        var roles = Canonical(command.Roles);
        await AddRolesAsync(db, user.Id, roles, cancellationToken);
        db.Add(new AccountAuditEntry(adminUserId, user.Id, AccountAuditAction.Created, $"{email}, roles: {string.Join(", ", roles)}", clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);

        LogCreated(logger, user.Id, string.Join(",", roles), adminUserId);
        return ToSummary(user, roles);
    }

    /// <summary>
    /// Changes an account's roles, its disabled state or its name. A role change or a disabling
    /// renews the security stamp. Admins cannot disable themselves or remove their own Admin role,
    /// so the clinic always keeps an admin who can undo a mistake.
    /// </summary>
    /// <exception cref="NotFoundException">No account has the id.</exception>
    /// <exception cref="DomainValidationException">A field is invalid or the change is not allowed.</exception>
    public async Task<AccountSummary> UpdateAsync(string adminUserId, string userId, UpdateAccount command, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The transaction takes SQLite's write lock before the admin check, because Microsoft.Data.Sqlite
        // begins it IMMEDIATE. Two admins who remove each other's Admin role at the same moment are
        // then checked one after the other, and the second is no longer an admin.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw AccountNotFound(userId);
        var currentRoles = await LoadRolesAsync(db, userId, cancellationToken);

        var errors = new ValidationErrors();
        if (command.DisplayName is not null)
        {
            ValidateDisplayName(errors, command.DisplayName.Trim());
        }

        if (command.Roles is not null)
        {
            ValidateRoleChange(errors, command.Roles, currentRoles, adminUserId == userId);
        }

        if (command.Disabled == true && adminUserId == userId)
        {
            errors.Add(nameof(UpdateAccount.Disabled), "You cannot disable your own account. Ask another admin to do it.");
        }

        errors.ThrowIfAny();

        var now = clock.UtcNow;
        var accessChanged = false;
        if (command.DisplayName is { } name && name.Trim() != user.DisplayName)
        {
            var detail = $"name: {user.DisplayName} -> {name.Trim()}";
            user.DisplayName = name.Trim();
            db.Add(new AccountAuditEntry(adminUserId, userId, AccountAuditAction.Renamed, detail, now));
        }

        if (command.Roles is not null && !Canonical(command.Roles).SequenceEqual(currentRoles))
        {
            var roles = Canonical(command.Roles);
            await ReplaceRolesAsync(db, userId, roles, cancellationToken);
            db.Add(new AccountAuditEntry(adminUserId, userId, AccountAuditAction.RolesChanged, $"roles: {Describe(currentRoles)} -> {Describe(roles)}", now));
            currentRoles = roles;
            accessChanged = true;
        }

        if (command.Disabled is { } disabled && disabled != (user.DisabledAtUtc is not null))
        {
            user.DisabledAtUtc = disabled ? now : null;
            db.Add(new AccountAuditEntry(adminUserId, userId, disabled ? AccountAuditAction.Disabled : AccountAuditAction.Enabled, "", now));
            accessChanged = true;
        }

        if (accessChanged)
        {
            // Cookies and circuits carry the stamp they were issued with; a new one ends them at their next validation.
            user.SecurityStamp = NewStamp();
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogUpdated(logger, userId, adminUserId, accessChanged);
        return ToSummary(user, currentRoles);
    }

    /// <summary>Ends a lockout after failed sign-ins and resets the count of failures. An account that is not locked is left as it is.</summary>
    /// <exception cref="NotFoundException">No account has the id.</exception>
    public async Task<AccountSummary> UnlockAsync(string adminUserId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw AccountNotFound(userId);

        if (user.LockoutEnd is not null || user.AccessFailedCount > 0)
        {
            var detail = user.LockoutEnd is { } end && end.UtcDateTime > clock.UtcNow
                ? $"was locked until {end.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"
                : $"{user.AccessFailedCount} failed sign-ins cleared";
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Add(new AccountAuditEntry(adminUserId, userId, AccountAuditAction.Unlocked, detail, clock.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            LogUnlocked(logger, userId, adminUserId);
        }

        return ToSummary(user, await LoadRolesAsync(db, userId, cancellationToken));
    }

    /// <summary>
    /// Checks that an admin may issue a one-time password link for the account and records that
    /// they did. The caller creates the link itself. A disabled account gets no link.
    /// </summary>
    /// <exception cref="NotFoundException">No account has the id.</exception>
    public async Task<string> RecordPasswordLinkAsync(string adminUserId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw AccountNotFound(userId);
        if (user.DisabledAtUtc is not null)
        {
            throw DomainValidationException.ForField(nameof(UpdateAccount.Disabled), "This account is disabled. Enable it before issuing a password link.");
        }

        db.Add(new AccountAuditEntry(adminUserId, userId, AccountAuditAction.PasswordLinkIssued, "", clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);

        LogPasswordLinkIssued(logger, userId, adminUserId);
        return user.Email ?? "";
    }

    /// <summary>Lists account changes newest first.</summary>
    public async Task<PagedResult<AccountAuditItem>> ListAuditAsync(string adminUserId, PageRequest page, CancellationToken cancellationToken = default)
    {
        page.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AccessGuard.EnsureInRoleAsync(db, adminUserId, ClinicRoles.Admin, cancellationToken);

        var entries = db.Set<AccountAuditEntry>().AsNoTracking();
        var count = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(e => new AccountAuditItem(
                e.Id,
                e.OccurredAtUtc,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.Email).FirstOrDefault() ?? e.ActorUserId,
                db.Users.Where(u => u.Id == e.TargetUserId).Select(u => u.Email).FirstOrDefault() ?? e.TargetUserId,
                e.Action,
                e.Detail))
            .ToListAsync(cancellationToken);

        return new PagedResult<AccountAuditItem>(count, items);
    }

    private static void ValidateEmail(ValidationErrors errors, string email)
    {
        if (email.Length == 0)
        {
            errors.Add(nameof(CreateAccount.Email), "Enter the email address the person signs in with.");
        }
        else if (email.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(nameof(CreateAccount.Email), $"'{email}' is not a valid email address. Enter one such as name@example.com, of at most {MaxEmailLength} characters.");
        }
    }

    private static void ValidateDisplayName(ValidationErrors errors, string displayName)
    {
        if (displayName.Length is 0 or > MaxDisplayNameLength)
        {
            errors.Add(nameof(CreateAccount.DisplayName), $"Enter the name others see, for example Dr Ava Patel, of 1 to {MaxDisplayNameLength} characters.");
        }
    }

    private static void ValidateRoles(ValidationErrors errors, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            errors.Add(nameof(CreateAccount.Roles), "Choose at least one role: Psychologist or Admin.");
        }

        foreach (var role in roles.Where(role => !StaffRoles.Contains(role, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(CreateAccount.Roles), $"'{role}' is not a role an admin can give. Choose Psychologist or Admin.");
        }
    }

    private static void ValidateRoleChange(ValidationErrors errors, IReadOnlyList<string> roles, IReadOnlyList<string> currentRoles, bool ownAccount)
    {
        if (currentRoles.Contains(ClinicRoles.Patient))
        {
            errors.Add(nameof(UpdateAccount.Roles), "This is a patient's account; its role cannot be changed. Create a separate staff account instead.");
            return;
        }

        ValidateRoles(errors, roles);

        // Together with the transaction in UpdateAsync, this keeps at least one admin.
        if (ownAccount && !roles.Contains(ClinicRoles.Admin, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(nameof(UpdateAccount.Roles), "You cannot remove your own Admin role. Ask another admin to do it.");
        }
    }

    /// <summary>Returns the roles with their stored spelling, in the order of <see cref="ClinicRoles.All"/>.</summary>
    private static List<string> Canonical(IReadOnlyList<string> roles) =>
        ClinicRoles.All.Where(role => roles.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();

    private static string Describe(IReadOnlyList<string> roles) => roles.Count == 0 ? "none" : string.Join(", ", roles);

    private static async Task AddRolesAsync(ClinicDbContext db, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var normalized = roles.Select(role => role.ToUpperInvariant()).ToList();
        var roleIds = await db.Roles.Where(r => normalized.Contains(r.NormalizedName!)).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var roleId in roleIds)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        }
    }

    private static async Task ReplaceRolesAsync(ClinicDbContext db, string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(cancellationToken));
        await AddRolesAsync(db, userId, roles, cancellationToken);
    }

    private static async Task<List<string>> LoadRolesAsync(ClinicDbContext db, string userId, CancellationToken cancellationToken) =>
        (await LoadRolesAsync(db, [userId], cancellationToken)).GetValueOrDefault(userId, []);

    private static async Task<Dictionary<string, List<string>>> LoadRolesAsync(ClinicDbContext db, List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);

        return pairs.GroupBy(p => p.UserId).ToDictionary(
            group => group.Key,
            group => ClinicRoles.All.Where(role => group.Any(p => p.Name == role)).ToList());
    }

    private AccountSummary ToSummary(ApplicationUser user, IReadOnlyList<string> roles) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        roles,
        user.DisabledAtUtc is not null,
        user.LockoutEnd is { } end && end.UtcDateTime > clock.UtcNow ? end.UtcDateTime : null,
        user.PasswordHash is not null);

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private static NotFoundException AccountNotFound(string userId) => new($"Account {userId} was not found.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} created with roles {Roles} by admin {AdminUserId}")]
    private static partial void LogCreated(ILogger logger, string userId, string roles, string adminUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} changed by admin {AdminUserId}; access changed: {AccessChanged}")]
    private static partial void LogUpdated(ILogger logger, string userId, string adminUserId, bool accessChanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} unlocked by admin {AdminUserId}")]
    private static partial void LogUnlocked(ILogger logger, string userId, string adminUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password link for account {UserId} issued to admin {AdminUserId}")]
    private static partial void LogPasswordLinkIssued(ILogger logger, string userId, string adminUserId);
}
