using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference page.</summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);
        var response = await _host.CreateAnonymousClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        _document = await PortalTestHost.ReadJsonAsync(response);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Document_ListsEveryApiRoute()
    {
        var paths = _document.GetProperty("paths");
        var missing = new List<string>();
        foreach (var (method, pattern) in MappedApiRoutes())
        {
            var path = ToOpenApiPath(pattern);
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out _))
            {
                missing.Add($"{method} {path}");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(MappedApiRoutes().Select(route => ToOpenApiPath(route.Pattern)).Distinct().Count(), paths.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("/api/admin/share-log")]
    [InlineData("/api/admin/share-log/csv")]
    public void ShareLog_DescribesFilterParameters(string path)
    {
        var parameters = _document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")
            .EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == "query")
            .Select(parameter => parameter.GetProperty("name").GetString())
            .ToList();

        foreach (var filter in new[] { "status", "reason", "patient", "psychologist", "from", "to", "search", "ordering" })
        {
            Assert.Contains(filter, parameters);
        }
    }

    [Fact]
    public void Document_DeclaresBearerScheme()
    {
        var scheme = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        var requirement = Assert.Single(_document.GetProperty("security").EnumerateArray());

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(requirement.TryGetProperty("bearer", out _));
    }

    [Fact]
    public void Schemas_UseSnakeCaseNames()
    {
        var names = _document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .SelectMany(schema => schema.Value.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(property => $"{schema.Name}.{property.Name}")
                : []);

        var notSnakeCase = names.Where(name => !SnakeCase().IsMatch(name.Split('.')[1])).ToList();

        Assert.Empty(notSnakeCase);
    }

    [Fact]
    public void NoteRequestSchema_ListsFieldsAndRequiredOnes()
    {
        var schema = Schema("ProgressNoteRequest");

        Assert.Equal(
            ["patient", "session_date", "session_number", "subjective", "objective", "assessment", "plan", "progress_rating"],
            schema.GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.False(schema.TryGetProperty("required", out _));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void CreateNote_DeclaresErrorsAndIdempotencyKey()
    {
        var operation = _document.GetProperty("paths").GetProperty("/api/auth/progress-notes").GetProperty("post");
        var responses = operation.GetProperty("responses");

        Assert.Equal(
            ["201", "400", "401", "403", "409", "413", "422", "429", "500"],
            responses.EnumerateObject().Select(response => response.Name).Order());
        Assert.Equal(
            "#/components/schemas/HttpValidationProblemDetails",
            responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(
            "#/components/schemas/ProblemDetails",
            responses.GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        var header = Assert.Single(operation.GetProperty("parameters").EnumerateArray());
        Assert.Equal("Idempotency-Key", header.GetProperty("name").GetString());
        Assert.Equal("header", header.GetProperty("in").GetString());
    }

    [Fact]
    public void ProblemSchemas_IncludeTraceId()
    {
        Assert.Equal("string", Schema("ProblemDetails").GetProperty("properties").GetProperty("trace_id").GetProperty("type").GetString());
        Assert.Equal("string", Schema("HttpValidationProblemDetails").GetProperty("properties").GetProperty("trace_id").GetProperty("type").GetString());
    }

    [Fact]
    public void PageSize_IsLimitedTo100()
    {
        var parameters = _document.GetProperty("paths").GetProperty("/api/admin/share-log").GetProperty("get").GetProperty("parameters");
        var pageSize = parameters.EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "page_size").GetProperty("schema");

        Assert.Equal(100, pageSize.GetProperty("maximum").GetInt32());
        Assert.Equal(1, pageSize.GetProperty("minimum").GetInt32());
        Assert.Equal(25, pageSize.GetProperty("default").GetInt32());
    }

    [Fact]
    public async Task ScalarPage_ServesReferenceInDevelopment()
    {
        var client = _host.CreateAnonymousClient();
        var response = await client.GetAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/scalar/scalar.js");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        // Scalar resolves the address from the site's base path, so the page contains it without the leading slash.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
    }

    private JsonElement Schema(string name) => _document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private List<(string Method, string Pattern)> MappedApiRoutes() => Api.MappedApiRoutes.List(_host.App.Services);

    /// <summary>Writes a route pattern as OpenAPI does: without constraints or a trailing slash.</summary>
    private static string ToOpenApiPath(string pattern) => RouteConstraint().Replace(pattern, "}").TrimEnd('/');

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
