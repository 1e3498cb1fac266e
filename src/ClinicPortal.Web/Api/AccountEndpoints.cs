using System.Security.Claims;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Web.Accounts;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Account administration for admins: GET and POST /api/admin/accounts/, GET and PATCH
/// /api/admin/accounts/{id}/, POST .../unlock/ and .../password-link/, and GET
/// /api/admin/account-audit/.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(ApiPolicies.ForRole(ClinicRoles.Admin));
        var accounts = admin.MapGroup("/accounts");

        accounts.MapGet("/", async (ClaimsPrincipal user, AccountService service, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
            TypedResults.Ok(await service.ListAsync(user.GetUserId(), new PageRequest(page, page_size), cancellationToken)))
            .WithSummary("Lists the accounts with their roles, lockout and disabled state.");

        accounts.MapPost("/", async (CreateAccountRequest request, ClaimsPrincipal user, AccountService service, PasswordLinks links, HttpRequest http, CancellationToken cancellationToken) =>
        {
            var adminId = user.GetUserId();
            var account = await service.CreateAsync(adminId, new CreateAccount(request.Email ?? "", request.DisplayName ?? "", request.Roles ?? []), cancellationToken);
            var link = await links.CreateAsync(adminId, account.Id, BaseUri(http), cancellationToken);
            return TypedResults.Created($"/api/admin/accounts/{account.Id}/", new CreatedAccount(account, link));
        })
        .WithSummary("Creates a psychologist or admin account and answers a one-time link where the new user sets a password.");

        accounts.MapGet("/{id}", async (string id, ClaimsPrincipal user, AccountService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user.GetUserId(), id, cancellationToken)))
            .WithSummary("Returns one account.");

        accounts.MapPatch("/{id}", async (string id, UpdateAccountRequest request, ClaimsPrincipal user, AccountService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.UpdateAsync(user.GetUserId(), id, new UpdateAccount(request.Roles, request.Disabled, request.DisplayName), cancellationToken)))
            .WithSummary("Changes an account's roles, disabled state or name; the change takes effect at once and is audited.");

        accounts.MapPost("/{id}/unlock", async (string id, ClaimsPrincipal user, AccountService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.UnlockAsync(user.GetUserId(), id, cancellationToken)))
            .WithSummary("Ends an account's lockout after failed sign-ins.");

        accounts.MapPost("/{id}/password-link", async (string id, ClaimsPrincipal user, PasswordLinks links, HttpRequest http, CancellationToken cancellationToken) =>
            TypedResults.Ok(new PasswordLink(await links.CreateAsync(user.GetUserId(), id, BaseUri(http), cancellationToken))))
            .WithSummary("Issues a new one-time link where the account's user sets a password.");

        admin.MapGet("/account-audit", async (ClaimsPrincipal user, AccountService service, CancellationToken cancellationToken, int page = 1, int page_size = PageRequest.DefaultPageSize) =>
            TypedResults.Ok(await service.ListAuditAsync(user.GetUserId(), new PageRequest(page, page_size), cancellationToken)))
            .WithSummary("Lists every account change, newest first: who, what and when.");
    }

    private static string BaseUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    internal sealed record CreateAccountRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles);

    internal sealed record UpdateAccountRequest(IReadOnlyList<string>? Roles, bool? Disabled, string? DisplayName);

    internal sealed record CreatedAccount(AccountSummary Account, string PasswordLink);

    internal sealed record PasswordLink(string Link);
}
