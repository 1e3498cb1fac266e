using System.Net;
using System.Text.Json;
using ClinicPortal.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>Every list route pages with page and page_size (1 to 100) and returns count and results.</summary>
public sealed class PaginationTests(ApiRolesFixture fixture) : IClassFixture<ApiRolesFixture>
{
    /// <summary>Each list route as the app maps it, the path to request and the role that may read it.</summary>
    public static TheoryData<string, string, ApiRole> Lists => new()
    {
        { "/api/auth/shares", "/api/auth/shares/", ApiRole.Patient },
        { "/api/auth/consent-history", "/api/auth/consent-history/", ApiRole.Patient },
        { "/api/auth/progress-notes/", "/api/auth/progress-notes/?patient={patient}", ApiRole.Psychologist },
        { "/api/admin/share-log/", "/api/admin/share-log/", ApiRole.Admin },
        { "/api/admin/accounts/", "/api/admin/accounts/", ApiRole.Admin },
        { "/api/admin/account-audit", "/api/admin/account-audit/", ApiRole.Admin },
        { "/api/admin/patients/{id:int}/consent-history", "/api/admin/patients/{patient}/consent-history/", ApiRole.Admin },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_PagesWithCount(string pattern, string path, ApiRole role)
    {
        var client = fixture.Client(role);
        var url = ToQueryBase(path);

        var all = await ReadAsync(client, $"{url}page=1&page_size=100");
        var first = await ReadAsync(client, $"{url}page=1&page_size=1");
        var second = await ReadAsync(client, $"{url}page=2&page_size=1");
        var rows = all.GetProperty("results").EnumerateArray().ToList();

        Assert.True(rows.Count >= 2, $"{pattern} needs two rows in the fixture to test paging; it has {rows.Count}.");
        Assert.Equal(rows.Count, all.GetProperty("count").GetInt32());
        Assert.Equal(rows.Count, first.GetProperty("count").GetInt32());
        Assert.Equal(rows[0].GetRawText(), Assert.Single(first.GetProperty("results").EnumerateArray()).GetRawText());
        Assert.Equal(rows[1].GetRawText(), Assert.Single(second.GetProperty("results").EnumerateArray()).GetRawText());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_RejectsOutOfRangePaging(string pattern, string path, ApiRole role)
    {
        // The pattern only names the case in the test output.
        _ = pattern;
        var client = fixture.Client(role);
        var url = ToQueryBase(path);

        var tooLarge = await client.GetAsync($"{url}page_size=101");
        var pageZero = await client.GetAsync($"{url}page=0");
        var tooLargeErrors = (await Support.PortalTestHost.ReadJsonAsync(tooLarge)).GetProperty("errors");
        var pageZeroErrors = (await Support.PortalTestHost.ReadJsonAsync(pageZero)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal("Enter a page size from 1 to 100.", tooLargeErrors.GetProperty("page_size")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, pageZero.StatusCode);
        Assert.Equal("Enter a page number of 1 or more.", pageZeroErrors.GetProperty("page")[0].GetString());
    }

    [Fact]
    public void Lists_CoverEveryPagedRoute()
    {
        var paged = fixture.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Any(produces => produces.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(PagedResult<>)))
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .Order()
            .ToList();

        Assert.Equal(Lists.Select(row => (string)row[0]).Order(), paged);
    }

    /// <summary>Fills in the fixture's patient id and ends the path with ? or &amp;, ready for the paging parameters.</summary>
    private string ToQueryBase(string path)
    {
        var url = path.Replace("{patient}", fixture.PatientId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return url + (url.Contains('?') ? "&" : "?");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Support.PortalTestHost.ReadJsonAsync(response);
    }
}
