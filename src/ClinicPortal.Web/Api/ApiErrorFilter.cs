using System.Text.Json;
using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Api;

/// <summary>
/// Turns the domain's exceptions into ProblemDetails: invalid fields 400 (named in snake_case),
/// access denied 403, not found 404, a change to a signed note 409, and a failed save 500 whose detail states that nothing was saved.
/// </summary>
internal sealed partial class ApiErrorFilter(ILogger<ApiErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainValidationException exception)
        {
            return TypedResults.ValidationProblem(ToApiFieldNames(exception.Errors));
        }
        catch (AccessDeniedException exception)
        {
            LogAccessDenied(logger, context.HttpContext.Request.Path, exception.Message);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        catch (NoteLockedException exception)
        {
            LogNoteLocked(logger, context.HttpContext.Request.Method, exception.NoteId);
            return TypedResults.Problem(
                $"{exception.Message} Send the correction to POST /api/auth/progress-notes/{exception.NoteId}/addenda/ as {{\"text\": \"...\"}}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Signed note");
        }
        catch (NotFoundException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (DbUpdateConcurrencyException exception)
        {
            LogConcurrencyConflict(logger, exception, context.HttpContext.Request.Path);
            return TypedResults.Problem(
                "The record was changed by another request while this one was saving, so nothing was saved. Load it again and repeat the change.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict");
        }
        catch (DbUpdateException exception)
        {
            LogSaveFailed(logger, exception, context.HttpContext.Request.Path);
            return TypedResults.Problem(
                "Saving failed and nothing was saved. Try again; if it keeps failing, contact the clinic's administrator.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Saving failed");
        }
    }

    /// <summary>Names fields as the API does: SessionDateUtc becomes session_date.</summary>
    public static Dictionary<string, string[]> ToApiFieldNames(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(error => ToApiFieldName(error.Key))
            .ToDictionary(group => group.Key, group => group.SelectMany(error => error.Value).ToArray());

    public static string ToApiFieldName(string domainName)
    {
        var name = domainName.EndsWith("Utc", StringComparison.Ordinal) ? domainName[..^3] : domainName;
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied on {Path}: {Reason}")]
    private static partial void LogAccessDenied(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Method} of signed progress note {NoteId}")]
    private static partial void LogNoteLocked(ILogger logger, string method, int noteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concurrent change rejected on {Path}")]
    private static partial void LogConcurrencyConflict(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving failed on {Path}")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, PathString path);
}
