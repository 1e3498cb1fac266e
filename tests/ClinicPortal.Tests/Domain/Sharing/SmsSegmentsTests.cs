using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Tests.Domain.Sharing;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void Measure_150Gsm7Characters_IsOneSegment()
    {
        var text = new string('a', 149) + "'";

        var measurement = SmsSegments.Measure(text);

        Assert.Equal(SmsEncoding.Gsm7, measurement.Encoding);
        Assert.Equal(150, measurement.Units);
        Assert.Equal(1, measurement.Segments);
    }

    [Fact]
    public void Measure_CurlyApostrophe_IsUcs2()
    {
        var text = new string('a', 149) + "\u2019";

        var measurement = SmsSegments.Measure(text);

        Assert.Equal(SmsEncoding.Ucs2, measurement.Encoding);
        Assert.Equal(150, measurement.Units);
        Assert.Equal(3, measurement.Segments);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Measure_Gsm7Boundaries(int length, int expectedSegments)
    {
        var measurement = SmsSegments.Measure(new string('a', length));

        Assert.Equal(expectedSegments, measurement.Segments);
    }

    [Fact]
    public void Measure_ExtensionCharacter_TakesTwoSeptets()
    {
        var measurement = SmsSegments.Measure(new string('a', 159) + "{");

        Assert.Equal(SmsEncoding.Gsm7, measurement.Encoding);
        Assert.Equal(161, measurement.Units);
        Assert.Equal(2, measurement.Segments);
    }

    [Fact]
    public void Measure_PlainPunctuationText_StaysGsm7()
    {
        var text = SmsText.ToPlainPunctuation("She\u2019s \u201ccalmer\u201d \u2013 sleeping 7\u20138 hours\u2026");

        var measurement = SmsSegments.Measure(text);

        Assert.Equal("She's \"calmer\" - sleeping 7-8 hours...", text);
        Assert.Equal(SmsEncoding.Gsm7, measurement.Encoding);
    }
}
