using System.Net.Http.Headers;
using System.Text;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// Sends every API route's request as each role and checks the exact status from
/// <see cref="ApiAccessTable"/>; checks that the table lists every mapped /api route and that
/// docs/api.md shows the same table.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiRolesFixture fixture) : IClassFixture<ApiRolesFixture>
{
    private const string DocsTableStart = "<!-- authorization matrix: generated from ApiAccessTable -->";
    private const string DocsTableEnd = "<!-- end of authorization matrix -->";

    public static TheoryData<RouteAccess> Routes => new(ApiAccessTable.Rows);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_ReturnsTableStatusPerRole(RouteAccess route)
    {
        var actual = new StringBuilder();
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            using var request = BuildRequest(route, role);
            using var response = await fixture.Client(role).SendAsync(request);
            actual.Append(role).Append('=').Append((int)response.StatusCode).Append(' ');
        }

        Assert.Equal(Expected(route), actual.ToString());
    }

    [Fact]
    public void Table_ListsEveryMappedApiRoute()
    {
        var mapped = MappedApiRoutes.List(fixture.Host.App.Services).Select(route => $"{route.Method} {route.Pattern}").ToList();
        var listed = ApiAccessTable.Rows.Select(row => row.ToString()).ToList();

        Assert.Empty(mapped.Except(listed));
        Assert.Empty(listed.Except(mapped));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Docs_ShowTheSameTable()
    {
        var docs = RepositoryFiles.ReadText("docs/api.md").ReplaceLineEndings("\n");
        var start = docs.IndexOf(DocsTableStart, StringComparison.Ordinal);
        var end = docs.IndexOf(DocsTableEnd, StringComparison.Ordinal);

        Assert.True(start >= 0, $"docs/api.md must contain the marker {DocsTableStart} before the matrix.");
        Assert.True(end > start, $"docs/api.md must contain the marker {DocsTableEnd} after the matrix.");
        var expected = RenderMarkdown();
        var documented = docs[(start + DocsTableStart.Length)..end].Trim('\n') + "\n";
        Assert.True(expected == documented, $"The matrix in docs/api.md differs from ApiAccessTable. Replace it with:\n{expected}");
    }

    /// <summary>Renders the table as docs/api.md shows it.</summary>
    public static string RenderMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| method | route | anonymous | patient | other patient | psychologist | unassigned psychologist | admin |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var row in ApiAccessTable.Rows)
        {
            text.Append($"| {row.Method} | `{row.Pattern}` | {row.Anonymous} | {row.Patient} | {row.OtherPatient} | {row.Psychologist} | {row.UnassignedPsychologist} | {row.Admin} |\n");
        }

        return text.ToString();
    }

    private static string Expected(RouteAccess route)
    {
        var expected = new StringBuilder();
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            expected.Append(role).Append('=').Append(route.ExpectedFor(role)).Append(' ');
        }

        return expected.ToString();
    }

    private HttpRequestMessage BuildRequest(RouteAccess route, ApiRole role)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), Fill(route.Path, role));
        if (route.Body == RouteAccess.FormBody)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        else if (route.Body is not null)
        {
            request.Content = new StringContent(Fill(route.Body, role), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private string Fill(string template, ApiRole role) => template
        .Replace("{patient}", fixture.PatientId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{note}", fixture.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{share}", fixture.FailedShareId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{account}", fixture.AccountId, StringComparison.Ordinal)
        .Replace("{role}", role.ToString().ToLowerInvariant(), StringComparison.Ordinal);
}
