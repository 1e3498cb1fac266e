namespace ClinicPortal.Domain.Idempotency;

/// <summary>The parts of a response that a replay returns: status code, Content-Type, Location and body.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);
