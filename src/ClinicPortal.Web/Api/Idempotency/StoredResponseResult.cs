using ClinicPortal.Domain.Idempotency;

namespace ClinicPortal.Web.Api.Idempotency;

/// <summary>Writes a stored response again, marked with the header Idempotent-Replayed: true.</summary>
internal sealed class StoredResponseResult(StoredResponse response) : IResult
{
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        http.Headers[ReplayedHeaderName] = "true";
        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        http.ContentLength = response.Body.Length;
        await http.Body.WriteAsync(response.Body, httpContext.RequestAborted);
    }
}
