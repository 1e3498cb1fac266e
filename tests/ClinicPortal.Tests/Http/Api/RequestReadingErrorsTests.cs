using System.Net;
using System.Text;
using System.Text.Json;
using ClinicPortal.Tests.Support;

namespace ClinicPortal.Tests.Http.Api;

/// <summary>
/// Requests the app cannot read or route get a 4xx ProblemDetails naming the field and the fix.
/// The cases: null or missing sign-in fields, query values of the wrong type, a body without a
/// JSON content type, a method the path does not take, and a path no route takes.
/// </summary>
public sealed class RequestReadingErrorsTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartAsync(dispatcherEnabled: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/auth/login", """{"email":"patient@clinicportal.test","password":null}""", "password", "Enter the account's password.")]
    [InlineData("/api/auth/login", """{"email":null,"password":"Demo-Password-1"}""", "email", "Enter the account's email address.")]
    [InlineData("/api/auth/register", """{"email":"new@clinicportal.test","password":null}""", "password", "Enter a password for the new account.")]
    [InlineData("/api/auth/forgotPassword", """{"email":null}""", "email", "Enter the account's email address.")]
    [InlineData("/api/auth/resetPassword", """{"email":null,"reset_code":"x","new_password":"Demo-Password-2"}""", "email", "Enter the account's email address.")]
    public async Task IdentityNullField_Returns400NamingIt(string path, string body, string field, string message)
    {
        var response = await _host.CreateAnonymousClient().PostAsync(path, Json(body));
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal("Required fields are missing.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task LoginMissingPassword_Returns400NamingIt()
    {
        var response = await _host.CreateAnonymousClient().PostAsync("/api/auth/login", Json("""{"email":"patient@clinicportal.test"}"""));
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("password is missing. Add it to the body.", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task QueryValueWrongType_Returns400NamingParameter()
    {
        var admin = await _host.SignInAsync(DemoAccounts.AdminEmail);

        var response = await admin.GetAsync("/api/admin/share-log/?page=abc");
        var errors = (await PortalTestHost.ReadJsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The value 'abc' of page is not valid. Send a whole number.", errors.GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task BodyWithoutContentType_Returns415()
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/auth/preferences/")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"share_progress_with_emergency_contact":false}""")),
        };

        var response = await patient.SendAsync(request);
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Send the body as JSON with the header Content-Type: application/json.", problem.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("trace_id").ValueKind);
    }

    [Theory]
    [InlineData("GET", "/api/auth/preferences/consent/", "POST")]
    [InlineData("DELETE", "/api/auth/preferences/", "GET, PATCH")]
    [InlineData("PUT", "/api/admin/share-log/1/resend/", "POST")]
    public async Task WrongMethod_Returns405WithAllow(string method, string path, string allow)
    {
        var patient = await _host.SignInAsync(DemoAccounts.PatientEmail);

        var response = await patient.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal($"{method} is not allowed on {path}. Use {allow}.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/auth/progress-note/")]
    [InlineData("DELETE", "/api/nonexistent")]
    [InlineData("GET", "/api/nothing/here")]
    public async Task UnknownPath_Returns404(string method, string path)
    {
        var response = await _host.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        var problem = await PortalTestHost.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"No API route matches {path}. The routes are listed in /openapi/v1.json.", problem.GetProperty("detail").GetString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
