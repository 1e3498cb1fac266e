using Microsoft.AspNetCore.Identity.Data;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Checks the bodies of Identity's /api/auth routes before Identity reads them. Identity's
/// handlers raise ArgumentNullException on a field sent as null, which would return 500, so a
/// null or blank required field returns 400 naming the field instead.
/// </summary>
internal static class IdentityRequestValidation
{
    public static ValueTask<object?> RequireFieldsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.Arguments)
        {
            switch (argument)
            {
                case LoginRequest login:
                    Require(errors, "email", login.Email, "Enter the account's email address.");
                    Require(errors, "password", login.Password, "Enter the account's password.");
                    break;
                case RegisterRequest register:
                    Require(errors, "email", register.Email, "Enter an email address for the new account.");
                    Require(errors, "password", register.Password, "Enter a password for the new account.");
                    break;
                case ForgotPasswordRequest forgot:
                    Require(errors, "email", forgot.Email, "Enter the account's email address.");
                    break;
                case ResendConfirmationEmailRequest resend:
                    Require(errors, "email", resend.Email, "Enter the account's email address.");
                    break;
                case ResetPasswordRequest reset:
                    Require(errors, "email", reset.Email, "Enter the account's email address.");
                    Require(errors, "reset_code", reset.ResetCode, "Enter the reset code from the password reset message.");
                    Require(errors, "new_password", reset.NewPassword, "Enter the new password.");
                    break;
                case RefreshRequest refresh:
                    Require(errors, "refresh_token", refresh.RefreshToken, "Enter the refresh token that sign-in returned.");
                    break;
            }
        }

        return errors.Count == 0
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(errors, title: "Required fields are missing."));
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
    }
}
