using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.Http.Api.Docs;
using ClinicPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// Runs the curl examples of docs/api.md, in order and as written, against a fresh portal with
/// the demo accounts, and checks each response the page shows, so the page cannot drift from the API.
/// </summary>
public sealed partial class ApiDocsExamplesTests : IAsyncLifetime
{
    /// <summary>The address the examples use, which is where `dotnet run` listens.</summary>
    private const string DocumentedBaseAddress = "http://localhost:5056";

    private readonly Dictionary<string, string> _variables = [];
    private readonly Dictionary<string, HttpClient> _cookieClients = [];
    private PortalTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        _client = _host.CreateAnonymousClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DocumentedExamples_ReturnDocumentedResponses()
    {
        var examples = DocsExample.ParseAll(RepositoryFiles.ReadText("docs/api.md"));
        var failures = new List<string>();

        foreach (var example in examples)
        {
            for (var i = 0; i < example.Commands.Count; i++)
            {
                var isLast = i == example.Commands.Count - 1;
                var problems = await RunAsync(example.Commands[i], isLast ? example.Expected : null);
                failures.AddRange(problems.Select(problem => $"docs/api.md line {example.Line}: {problem}"));
            }
        }

        Assert.True(examples.Count >= 8, $"Expected the walkthrough's examples, found {examples.Count} sh blocks.");
        Assert.Empty(failures);
    }

    /// <summary>Runs one command and returns what differs from the documented response.</summary>
    private async Task<List<string>> RunAsync(string command, ExpectedResponse? expected)
    {
        var assignment = Assignment().Match(command);
        var curl = assignment.Success ? assignment.Groups["curl"].Value : command;
        var request = CurlRequest.Parse(ShellWords.SplitWords(curl, _variables));

        using var response = await SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        if (assignment.Success)
        {
            using var json = JsonDocument.Parse(text);
            _variables[assignment.Groups["name"].Value] = json.RootElement.GetProperty(assignment.Groups["field"].Value).GetString()!;
        }

        if (expected is null)
        {
            return response.IsSuccessStatusCode ? [] : [$"{request.Method} {request.Url} returned {(int)response.StatusCode}: {text}"];
        }

        return Compare(expected, response, text);
    }

    private static List<string> Compare(ExpectedResponse expected, HttpResponseMessage response, string text)
    {
        var problems = new List<string>();
        if ((int)response.StatusCode != expected.StatusCode)
        {
            problems.Add($"expected status {expected.StatusCode}, got {(int)response.StatusCode}: {text}");
        }

        foreach (var (name, value) in expected.Headers)
        {
            var actual = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;
            if (actual != value)
            {
                problems.Add($"expected header {name}: {value}, got {actual ?? "none"}");
            }
        }

        if (expected.Body is not null)
        {
            using var expectedJson = JsonDocument.Parse(expected.Body);
            using var actualJson = JsonDocument.Parse(text);
            problems.AddRange(JsonSubset.FindMismatches(expectedJson.RootElement, actualJson.RootElement));
        }

        return problems;
    }

    private async Task<HttpResponseMessage> SendAsync(CurlRequest curl)
    {
        Assert.StartsWith(DocumentedBaseAddress, curl.Url, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(curl.Method), curl.Url[DocumentedBaseAddress.Length..]);
        string? contentType = null;
        foreach (var (name, value) in curl.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (curl.Body is not null)
        {
            request.Content = new StringContent(curl.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
        }

        return await ClientFor(curl.CookieJar).SendAsync(request);
    }

    /// <summary>Returns a client that keeps cookies for each cookie file the examples name, like curl's -c and -b.</summary>
    private HttpClient ClientFor(string? cookieJar)
    {
        if (cookieJar is null)
        {
            return _client;
        }

        if (!_cookieClients.TryGetValue(cookieJar, out var client))
        {
            client = _host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            _cookieClients[cookieJar] = client;
        }

        return client;
    }

    [GeneratedRegex(@"^(?<name>[A-Z_]+)=\$\((?<curl>curl .*) \| jq -r \.(?<field>\w+)\)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
