using System.Globalization;
using ClinicPortal.Domain.Sharing;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Domain.Sharing;

public sealed class ProgressSummaryBuilderTests
{
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    public static TheoryData<SummaryCase> Cases() => new(SummaryCase.LoadAll());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_ReturnsExpectedSms(SummaryCase summaryCase)
    {
        var text = ProgressSummaryBuilder.Build(ToInput(summaryCase), Sydney);

        Assert.Equal(summaryCase.ExpectedSms, text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_LeavesOutObjectiveAndAssessment(SummaryCase summaryCase)
    {
        var text = ProgressSummaryBuilder.Build(ToInput(summaryCase), Sydney);

        Assert.DoesNotContain("OBJECTIVE-NOT-SHARED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ASSESSMENT-NOT-SHARED", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith('\n'));
    }

    [Theory]
    [InlineData("en-AU")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Build_DateIgnoresServerCulture(string cultureName)
    {
        var input = ToInput(SummaryCase.Load("basic"));
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        string text;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            text = ProgressSummaryBuilder.Build(input, Sydney);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }

        Assert.Contains("\nSession Date: January 19, 2025\n", text, StringComparison.Ordinal);
        Assert.Equal(SummaryCase.Load("basic").ExpectedSms, text);
    }

    [Fact]
    public void Build_FrenchCulture_WouldNameMonthInFrench()
    {
        // Guards the culture test above: it proves only something if the culture changes the month name.
        var date = new DateTime(2025, 1, 19);

        var french = date.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("fr-FR"));

        Assert.Equal("janvier 19, 2025", french);
    }

    [Fact]
    public void Build_WithClinicName_SignsLastLine()
    {
        var text = ProgressSummaryBuilder.Build(ToInput(SummaryCase.Load("basic")), Sydney, new SenderIdentity("Harbourside Psychology", null));

        Assert.Equal(
            "This is an automated update from Harbourside Psychology. If you have concerns, please contact the clinic directly.",
            text.Split('\n')[^1]);
    }

    [Fact]
    public void Build_WithClinicNameAndPhone_EndsWithPhone()
    {
        var text = ProgressSummaryBuilder.Build(ToInput(SummaryCase.Load("basic")), Sydney, new SenderIdentity("Harbourside Psychology", "02 9000 0000"));

        Assert.Equal(
            "This is an automated update from Harbourside Psychology. If you have concerns, please contact the clinic directly on 02 9000 0000.",
            text.Split('\n')[^1]);
    }

    [Fact]
    public void Build_WithClinicName_KeepsEverythingAboveFooter()
    {
        var basic = SummaryCase.Load("basic");

        var text = ProgressSummaryBuilder.Build(ToInput(basic), Sydney, new SenderIdentity("Harbourside Psychology", "02 9000 0000"));

        Assert.Equal(basic.ExpectedSms[..basic.ExpectedSms.LastIndexOf('\n')], text[..text.LastIndexOf('\n')]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "02 9000 0000")]
    [InlineData("", "02 9000 0000")]
    [InlineData("   ", null)]
    public void Build_WithoutClinicName_TextUnchanged(string? name, string? phone)
    {
        var basic = SummaryCase.Load("basic");

        var text = ProgressSummaryBuilder.Build(ToInput(basic), Sydney, new SenderIdentity(name, phone));

        Assert.Equal(basic.ExpectedSms, text);
    }

    [Fact]
    public void Build_ClinicNameSmartPunctuation_MadePlain()
    {
        var text = ProgressSummaryBuilder.Build(ToInput(SummaryCase.Load("basic")), Sydney, new SenderIdentity("St Mary\u2019s Psychology \u2013 Parramatta", null));

        Assert.Equal(
            "This is an automated update from St Mary's Psychology - Parramatta. If you have concerns, please contact the clinic directly.",
            text.Split('\n')[^1]);
    }

    [Fact]
    public void Excerpt_DropsControlCharacters()
    {
        var excerpt = ProgressSummaryBuilder.Excerpt("Slept\u0000 better\u0007 this\tweek.\u001B");

        Assert.Equal("Slept better this week.", excerpt);
    }

    private static ProgressSummaryInput ToInput(SummaryCase summaryCase) => new(
        summaryCase.PatientName, summaryCase.SessionDateUtc, summaryCase.ProgressRating, summaryCase.Subjective, summaryCase.Plan);
}
