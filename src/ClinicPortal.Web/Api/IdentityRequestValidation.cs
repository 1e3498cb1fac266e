using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>
    /// Replaces the sign-in result codes that Identity's login route puts in the 401 detail
    /// ("Failed", "LockedOut", "NotAllowed") with sentences that tell the caller what to do.
    /// </summary>
    public static async ValueTask<object?> ExplainSignInFailureAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        if (outcome is not ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } problem)
        {
            return result;
        }

        var detail = problem.ProblemDetails.Detail switch
        {
            "Failed" => "The email or password is wrong. Check both and try again.",
            "LockedOut" => "The account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an admin to unlock it.",
            "NotAllowed" => "The account cannot sign in: it is disabled. Ask an admin of the clinic.",
            "RequiresTwoFactor" => "The account uses two-factor authentication. Send the code as two_factor_code.",
            _ => null,
        };

        return detail is null
            ? result
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
    }
}
