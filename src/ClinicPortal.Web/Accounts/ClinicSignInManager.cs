using ClinicPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Accounts;

/// <summary>
/// Identity's sign-in manager with one more rule: a disabled account cannot sign in, by
/// password, passkey, bearer token or refresh. Such a sign-in returns <see cref="SignInResult.NotAllowed"/>.
/// </summary>
internal sealed class ClinicSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.DisabledAtUtc is null && await base.CanSignInAsync(user);
}
