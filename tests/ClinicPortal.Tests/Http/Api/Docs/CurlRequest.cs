namespace ClinicPortal.Tests.Http.Api.Docs;

/// <summary>
/// A curl command of docs/api.md: the options the examples use (-s, -X, -H, -d, -b, -c) and the
/// URL. Any other option fails the parse, so an example cannot use something the test ignores.
/// </summary>
internal sealed record CurlRequest(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body, string? CookieJar)
{
    public static CurlRequest Parse(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || words[0] != "curl")
        {
            throw new FormatException($"Expected a curl command, got: {string.Join(' ', words)}");
        }

        string? method = null, url = null, body = null, cookieJar = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s":
                    break;
                case "-X":
                    method = words[++i];
                    break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':');
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d":
                    body = words[++i];
                    break;
                case "-b" or "-c":
                    cookieJar = words[++i];
                    break;
                case var word when word.StartsWith("http", StringComparison.Ordinal):
                    url = word;
                    break;
                default:
                    throw new FormatException($"The docs test does not support the curl argument {words[i]}.");
            }
        }

        return new CurlRequest(
            method ?? (body is null ? "GET" : "POST"),
            url ?? throw new FormatException("The curl command has no URL."),
            headers,
            body,
            cookieJar);
    }
}
