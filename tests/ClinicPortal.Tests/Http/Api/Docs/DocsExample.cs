using System.Text.RegularExpressions;

namespace ClinicPortal.Tests.Http.Api.Docs;

/// <summary>
/// A fenced sh block of docs/api.md and, when an http block follows it, the response expected for
/// its last command: the status line, the headers shown and the JSON body shown.
/// </summary>
internal sealed partial record DocsExample(int Line, IReadOnlyList<string> Commands, ExpectedResponse? Expected)
{
    public static List<DocsExample> ParseAll(string markdown)
    {
        var examples = new List<DocsExample>();
        var blocks = FencedBlock().Matches(markdown.ReplaceLineEndings("\n")).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Groups["language"].Value != "sh")
            {
                continue;
            }

            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            var expected = next?.Groups["language"].Value == "http" ? ExpectedResponse.Parse(next.Groups["text"].Value) : null;
            var line = markdown[..blocks[i].Index].Count(character => character == '\n') + 1;
            examples.Add(new DocsExample(line, ShellWords.SplitCommands(blocks[i].Groups["text"].Value), expected));
        }

        return examples;
    }

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}

/// <summary>The response an example shows: status code, headers and an optional JSON body.</summary>
internal sealed record ExpectedResponse(int StatusCode, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
{
    public static ExpectedResponse Parse(string text)
    {
        var lines = text.Split('\n');
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<(string, string)>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':');
            headers.Add((lines[index][..colon].Trim(), lines[index][(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', lines.Skip(index)).Trim();
        return new ExpectedResponse(status, headers, body.Length > 0 ? body : null);
    }
}
