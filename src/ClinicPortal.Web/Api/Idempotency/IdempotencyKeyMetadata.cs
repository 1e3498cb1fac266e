namespace ClinicPortal.Web.Api.Idempotency;

/// <summary>Marks an endpoint that honours the Idempotency-Key header, for the OpenAPI document and the tests.</summary>
internal sealed class IdempotencyKeyMetadata
{
    public static readonly IdempotencyKeyMetadata Instance = new();

    private IdempotencyKeyMetadata()
    {
    }
}
