namespace ClinicPortal.Web.Api.Errors;

/// <summary>
/// Rejects an API request body larger than <see cref="MaxBytes"/> with 413 and a ProblemDetails
/// body, before any endpoint reads it. A body sent without Content-Length (chunked) is read into
/// memory up to the limit, so its size is known too.
/// </summary>
internal static partial class RequestBodyLimit
{
    /// <summary>256 KB: a progress note with every field at its maximum length is far smaller.</summary>
    public const long MaxBytes = 256 * 1024;

    public static void UseApiRequestBodyLimit(this IApplicationBuilder api) => api.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > MaxBytes)
            {
                await RejectAsync(context, length);
                return;
            }
        }
        else if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            var buffered = await ReadUpToLimitAsync(request.Body, context.RequestAborted);
            if (buffered is null)
            {
                await RejectAsync(context, length: null);
                return;
            }

            request.Body = buffered;
            request.ContentLength = buffered.Length;
        }

        await next(context);
    });

    /// <summary>Copies the body into memory and returns it rewound, or null when it is larger than the limit.</summary>
    private static async Task<MemoryStream?> ReadUpToLimitAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffered.Length + read > MaxBytes)
            {
                return null;
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        return buffered;
    }

    private static async Task RejectAsync(HttpContext context, long? length)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBodyLimit));
        LogBodyTooLarge(logger, context.Request.Path, length);

        var detail = $"The request body is larger than the limit of {MaxBytes / 1024} KB. Send a smaller body; a progress note is well under the limit.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request body over the size limit on {Path}, Content-Length {ContentLength}")]
    private static partial void LogBodyTooLarge(ILogger logger, PathString path, long? contentLength);
}
