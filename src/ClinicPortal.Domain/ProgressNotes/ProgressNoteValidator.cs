using ClinicPortal.Domain.Common;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Checks a note's fields and names each invalid one with the fix. A draft may be partly written,
/// so it skips only the rule that one SOAP field must be filled. Every other rule applies to
/// drafts and signed notes alike.
/// </summary>
public static class ProgressNoteValidator
{
    public const int MaxFieldLength = 20_000;

    private static readonly DateTime EarliestSessionDate = new(2000, 1, 1);

    /// <summary>Raises <see cref="DomainValidationException"/> naming every field that stops the note being signed.</summary>
    public static void Validate(ProgressNoteContent content, ClinicClock clock) =>
        Validate(content, clock, new ValidationErrors());

    /// <summary>Raises <see cref="DomainValidationException"/> naming every field that stops the draft being saved.</summary>
    public static void ValidateDraft(ProgressNoteContent content, ClinicClock clock)
    {
        var errors = new ValidationErrors();
        ValidateFields(content, clock, errors);
        errors.ThrowIfAny();
    }

    /// <summary>Checks the reason a psychologist gives for withholding a note, as part of signing it.</summary>
    internal static void ValidateShareChoice(ShareChoice choice, ValidationErrors errors)
    {
        if (!choice.Withhold)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(choice.WithheldReason))
        {
            errors.Add(nameof(ShareChoice.WithheldReason), "Enter why this note is not shared. The reason is kept with the note for staff; the patient never sees it.");
        }
        else if (choice.WithheldReason.Length > ShareChoice.MaxWithheldReasonLength)
        {
            errors.Add(nameof(ShareChoice.WithheldReason), $"Shorten the reason to {ShareChoice.MaxWithheldReasonLength:N0} characters or fewer (it has {choice.WithheldReason.Length:N0}).");
        }
    }

    /// <summary>Raises <see cref="DomainValidationException"/> when an addendum's text is empty or too long.</summary>
    public static void ValidateAddendum(string text)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(nameof(ProgressNoteAddendum.Text), "Write the correction or addition in the addendum text.");
        }
        else if (text.Length > ProgressNoteAddendum.MaxTextLength)
        {
            errors.Add(nameof(ProgressNoteAddendum.Text), $"Shorten the addendum to {ProgressNoteAddendum.MaxTextLength:N0} characters or fewer (it has {text.Length:N0}).");
        }

        errors.ThrowIfAny();
    }

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

    /// <summary>Validates a note for signing, with the psychologist's share choice.</summary>
    internal static void ValidateForSigning(ProgressNoteContent content, ShareChoice choice, ClinicClock clock)
    {
        var errors = new ValidationErrors();
        ValidateShareChoice(choice, errors);
        Validate(content, clock, errors);
    }

    private static void Validate(ProgressNoteContent content, ClinicClock clock, ValidationErrors errors)
    {
        ValidateFields(content, clock, errors);
        if (IsEmpty(content))
        {
            errors.Add(nameof(content.Subjective), "Write at least one of Subjective, Objective, Assessment or Plan.");
        }

        errors.ThrowIfAny();
    }

    private static bool IsEmpty(ProgressNoteContent content) =>
        string.IsNullOrWhiteSpace(content.Subjective)
        && string.IsNullOrWhiteSpace(content.Objective)
        && string.IsNullOrWhiteSpace(content.Assessment)
        && string.IsNullOrWhiteSpace(content.Plan);

    private static void ValidateFields(ProgressNoteContent content, ClinicClock clock, ValidationErrors errors)
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
        ValidateSoapLengths(errors, content);
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

    private static void ValidateSoapLengths(ValidationErrors errors, ProgressNoteContent content)
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
    }
}
