namespace ClinicPortal.Domain.Common;

/// <summary>
/// Raised when a command has invalid fields. <see cref="Errors"/> maps each field name (the
/// command's property name) to messages that name the problem and the fix.
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>Returns every field's messages joined into one line, for a page that shows them in one place.</summary>
    public string JoinMessages() => string.Join(" ", Errors.Values.SelectMany(messages => messages));

    public static DomainValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
