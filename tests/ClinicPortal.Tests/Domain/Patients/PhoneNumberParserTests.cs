using ClinicPortal.Domain.Patients;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Domain.Patients;

public sealed class PhoneNumberParserTests
{
    public static TheoryData<string, string> AcceptedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (input, e164) in PhoneNumberCases.Accepted())
        {
            data.Add(input, e164);
        }

        return data;
    }

    public static TheoryData<string> RejectedCases() => new(PhoneNumberCases.Rejected());

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void ParseMobile_Accepted_ReturnsE164(string input, string expectedE164)
    {
        var result = PhoneNumberParser.ParseMobile(input);

        Assert.Equal(expectedE164, result.E164);
        Assert.Null(result.Error);
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void ParseMobile_Rejected_ReturnsError(string input)
    {
        var result = PhoneNumberParser.ParseMobile(input);

        Assert.False(result.IsValid);
        Assert.Null(result.E164);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData("0491 570", "'0491 570' is not a valid phone number: check the number of digits.")]
    [InlineData("02 5550 1234", "'02 5550 1234' is not a mobile number, so it cannot receive SMS. Enter a mobile number.")]
    [InlineData("hello", "'hello' is not a phone number. Enter a mobile number, for example 0491 570 156.")]
    [InlineData("", "Enter a mobile number, for example 0491 570 156.")]
    public void ParseMobile_Rejected_ReturnsMessage(string input, string expectedError)
    {
        var result = PhoneNumberParser.ParseMobile(input);

        Assert.Equal(expectedError, result.Error);
    }
}
