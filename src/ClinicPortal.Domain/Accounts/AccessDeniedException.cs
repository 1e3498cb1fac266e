namespace ClinicPortal.Domain.Accounts;

/// <summary>Raised when the signed-in user may not perform an action or see a record.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
