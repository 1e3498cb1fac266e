using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;
using ClinicPortal.Tests.Support;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Tests.Domain.ProgressNotes;

/// <summary>The validation table: each rule, its boundary values, and which rules drafts skip.</summary>
public sealed class ProgressNoteValidatorTests
{
    /// <summary>Friday 4 December 2026, 2:30 pm in Sydney (UTC+11).</summary>
    private static readonly ClinicClock Clock = new(
        new FixedTimeProvider(new DateTimeOffset(2026, 12, 4, 3, 30, 0, TimeSpan.Zero)),
        Options.Create(new ClinicOptions()));

    private static readonly string LongestField = new('a', ProgressNoteValidator.MaxFieldLength);

    public static TheoryData<string, ProgressNoteContent, string?, string?> Cases() => new()
    {
        { "valid note", Valid(), null, null },
        { "rating 1", Valid() with { ProgressRating = 1 }, null, null },
        { "rating 10", Valid() with { ProgressRating = 10 }, null, null },
        { "no rating", Valid() with { ProgressRating = null }, null, null },
        { "rating 0", Valid() with { ProgressRating = 0 }, "ProgressRating", "Enter a progress rating from 1 to 10, or leave it empty." },
        { "rating 11", Valid() with { ProgressRating = 11 }, "ProgressRating", "Enter a progress rating from 1 to 10, or leave it empty." },
        { "session 1", Valid() with { SessionNumber = 1 }, null, null },
        { "session 0", Valid() with { SessionNumber = 0 }, "SessionNumber", "Enter a session number of 1 or more." },
        { "session -3", Valid() with { SessionNumber = -3 }, "SessionNumber", "Enter a session number of 1 or more." },
        { "tomorrow, clinic time", Valid() with { SessionDateUtc = Clock.ToUtc(new DateTime(2026, 12, 5, 23, 59, 0)) }, null, null },
        {
            "two days ahead, clinic time", Valid() with { SessionDateUtc = Clock.ToUtc(new DateTime(2026, 12, 6, 0, 0, 0)) },
            "SessionDateUtc", "The session date is more than one day in the future. Enter the date the session took place."
        },
        { "1 January 2000", Valid() with { SessionDateUtc = Clock.ToUtc(new DateTime(2000, 1, 1, 0, 0, 0)) }, null, null },
        {
            "31 December 1999", Valid() with { SessionDateUtc = Clock.ToUtc(new DateTime(1999, 12, 31, 23, 59, 0)) },
            "SessionDateUtc", "Enter a session date on or after 1 January 2000."
        },
        { "subjective at limit", Valid() with { Subjective = LongestField }, null, null },
        { "subjective too long", Valid() with { Subjective = LongestField + "a" }, "Subjective", "Shorten this field to 20,000 characters or fewer (it has 20,001)." },
        { "objective too long", Valid() with { Objective = LongestField + "a" }, "Objective", "Shorten this field to 20,000 characters or fewer (it has 20,001)." },
        { "assessment too long", Valid() with { Assessment = LongestField + "a" }, "Assessment", "Shorten this field to 20,000 characters or fewer (it has 20,001)." },
        { "plan too long", Valid() with { Plan = LongestField + "a" }, "Plan", "Shorten this field to 20,000 characters or fewer (it has 20,001)." },
        { "only the plan", Valid() with { Subjective = "", Objective = "", Assessment = "" }, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_NamesFieldAndFix(string name, ProgressNoteContent content, string? field, string? message)
    {
        var signError = Record.Exception(() => ProgressNoteValidator.Validate(content, Clock));
        var draftError = Record.Exception(() => ProgressNoteValidator.ValidateDraft(content, Clock));

        if (field is null)
        {
            Assert.True(signError is null, $"{name}: signing raised {signError?.Message}");
            Assert.Null(draftError);
            return;
        }

        var signErrors = Assert.IsType<DomainValidationException>(signError).Errors;
        var draftErrors = Assert.IsType<DomainValidationException>(draftError).Errors;
        Assert.Equal([field], signErrors.Keys);
        Assert.Equal(message, Assert.Single(signErrors[field]));
        Assert.Equal([field], draftErrors.Keys);
        Assert.Equal(message, Assert.Single(draftErrors[field]));
    }

    [Fact]
    public void Validate_NoSoapField_OnlySigningRejects()
    {
        var empty = Valid() with { Subjective = " ", Objective = "", Assessment = "", Plan = "" };

        var error = Assert.Throws<DomainValidationException>(() => ProgressNoteValidator.Validate(empty, Clock));
        ProgressNoteValidator.ValidateDraft(empty, Clock);

        Assert.Equal(["Write at least one of Subjective, Objective, Assessment or Plan."], error.Errors["Subjective"]);
    }

    [Fact]
    public void Validate_SeveralInvalidFields_NamesEach()
    {
        var content = Valid() with { SessionNumber = 0, ProgressRating = 12, Plan = LongestField + "a" };

        var error = Assert.Throws<DomainValidationException>(() => ProgressNoteValidator.Validate(content, Clock));

        Assert.Equal(["Plan", "ProgressRating", "SessionNumber"], error.Errors.Keys.Order());
    }

    private static ProgressNoteContent Valid() => new(
        Clock.ToUtc(new DateTime(2026, 12, 4, 10, 0, 0)), 3, "Sleeping better.", "", "", "Keep a sleep diary.", 7);
}
