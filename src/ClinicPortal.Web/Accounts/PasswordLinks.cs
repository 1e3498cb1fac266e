using System.Text;
using ClinicPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinicPortal.Web.Accounts;

/// <summary>
/// Creates the one-time link with which a user sets their password, for the admin to pass on,
/// because the portal has no email server by default. The link opens the reset-password page
/// with Identity's reset token. The token is valid for one day, Identity's default, and only
/// once, because setting the password renews the security stamp it is bound to.
/// </summary>
internal sealed class PasswordLinks(IServiceScopeFactory scopeFactory, AccountService accounts)
{
    /// <summary>Records the link in the account audit log and returns it, under <paramref name="baseUri"/> (ending in "/").</summary>
    public async Task<string> CreateAsync(string adminUserId, string userId, string baseUri, CancellationToken cancellationToken = default)
    {
        await accounts.RecordPasswordLinkAsync(adminUserId, userId, cancellationToken);

        // UserManager uses a scoped DbContext, so it gets a scope of its own rather than a circuit's.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByIdAsync(userId)
            ?? throw new InvalidOperationException($"Account {userId} disappeared while its password link was created.");
        var token = await userManager.GeneratePasswordResetTokenAsync(user);

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return $"{baseUri}Account/ResetPassword?code={code}";
    }
}
