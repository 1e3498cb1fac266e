namespace ClinicPortal.Web.Api.Idempotency;

internal static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Lets clients retry the endpoint safely with an Idempotency-Key header (see
    /// <see cref="IdempotencyFilter"/>). Keys belong to the signed-in user, so the endpoint must require one.
    /// </summary>
    public static TBuilder AcceptIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotencyKeyMetadata.Instance).AddEndpointFilter<TBuilder, IdempotencyFilter>();
}
