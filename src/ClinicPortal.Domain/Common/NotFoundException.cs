namespace ClinicPortal.Domain.Common;

/// <summary>Raised when a requested record does not exist.</summary>
public sealed class NotFoundException(string message) : Exception(message);
