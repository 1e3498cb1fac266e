using ClinicPortal.Domain.Common;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>Checks a note's fields and names each invalid one with the fix.</summary>
public static class ProgressNoteValidator
{
    public const int MaxFieldLength = 20_000;

    private static readonly DateTime EarliestSessionDate = new(2000, 1, 1);

    /// <summary>Raises <see cref="DomainValidationException"/> naming every invalid field.</summary>
    public static void Validate(ProgressNoteContent content, ClinicClock clock) =>
        Validate(content, clock, new ValidationErrors());

    /// <summary>Validates the content on top of errors the caller already found, then raises them all together.</summary>
    public static void Validate(ProgressNoteContent content, ClinicClock clock, IReadOnlyDictionary<string, string[]> earlierErrors)
    {
        var errors = new ValidationErrors();
        foreach (var (field, messages) in earlierErrors)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        Validate(content, clock, errors);
    }

    private static void Validate(ProgressNoteContent content, ClinicClock clock, ValidationErrors errors)
    {

        if (content.SessionNumber < 1)
        {
            errors.Add(nameof(content.SessionNumber), "Enter a session number of 1 or more.");
        }

        if (content.ProgressRating is < 1 or > 10)
        {
            errors.Add(nameof(content.ProgressRating), "Enter a progress rating from 1 to 10, or leave it empty.");
        }

        ValidateSessionDate(errors, content.SessionDateUtc, clock);
        ValidateSoapFields(errors, content);

        errors.ThrowIfAny();
    }

    private static void ValidateSessionDate(ValidationErrors errors, DateTime sessionDateUtc, ClinicClock clock)
    {
        var sessionDay = clock.ToClinicTime(sessionDateUtc).Date;
        var latestDay = clock.ToClinicTime(clock.UtcNow).Date.AddDays(1);

        if (sessionDay < EarliestSessionDate)
        {
            errors.Add(nameof(ProgressNoteContent.SessionDateUtc), "Enter a session date on or after 1 January 2000.");
        }
        else if (sessionDay > latestDay)
        {
            errors.Add(nameof(ProgressNoteContent.SessionDateUtc), "The session date is more than one day in the future. Enter the date the session took place.");
        }
    }

    private static void ValidateSoapFields(ValidationErrors errors, ProgressNoteContent content)
    {
        (string Name, string Value)[] fields =
        [
            (nameof(content.Subjective), content.Subjective),
            (nameof(content.Objective), content.Objective),
            (nameof(content.Assessment), content.Assessment),
            (nameof(content.Plan), content.Plan),
        ];

        foreach (var (name, value) in fields)
        {
            if (value.Length > MaxFieldLength)
            {
                errors.Add(name, $"Shorten this field to {MaxFieldLength:N0} characters or fewer (it has {value.Length:N0}).");
            }
        }

        if (fields.All(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            errors.Add(nameof(content.Subjective), "Write at least one of Subjective, Objective, Assessment or Plan.");
        }
    }
}
