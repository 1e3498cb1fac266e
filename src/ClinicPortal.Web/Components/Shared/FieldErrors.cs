using ClinicPortal.Domain.Common;

namespace ClinicPortal.Web.Components.Shared;

/// <summary>
/// The messages of a <see cref="DomainValidationException"/>, keyed by command property name, so a
/// form can show each message beside its input.
/// </summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;

    public void Show(DomainValidationException exception) => _errors = exception.Errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Returns the field's messages joined into one line, or null when the field is valid.</summary>
    public string? For(string field) =>
        _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Returns the messages of fields the form has no input for, so none is lost.</summary>
    public IEnumerable<string> Except(IReadOnlyCollection<string> shownFields) =>
        _errors.Where(error => !shownFields.Contains(error.Key)).SelectMany(error => error.Value);
}
