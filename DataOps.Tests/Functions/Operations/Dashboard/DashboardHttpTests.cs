using System.Net;
using DataOps.Functions.Operations.Dashboard;
using DataOps.Tests.EndToEnd;

namespace DataOps.Tests.Functions.Operations.Dashboard;

/// <summary>
/// The dashboard's shell is anonymous and holds no data; everything it shows comes from the key-protected API. Only
/// the embedded files are served: any other path, including attempts to climb out of the dashboard, is not found.
/// </summary>
public sealed class DashboardHttpTests(DashboardAppFixture fixture) : IClassFixture<DashboardAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_WithoutAKey_ServesTheHtmlShell_WithTheKeyFormAndNoData()
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/dashboard/", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("id=\"key-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DataOpsApp.Key, html, StringComparison.Ordinal);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task RootWithoutTheSlash_RedirectsUnderTheDashboard_SoRelativeLinksResolve()
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/dashboard", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/dashboard/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("index.html", "text/html")]
    [InlineData("app.js", "text/javascript")]
    [InlineData("api.js", "text/javascript")]
    [InlineData("styles.css", "text/css")]
    [InlineData("chart.umd.js", "text/javascript")]
    public async Task EachFile_IsServedWithItsContentType(string file, string mediaType)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/dashboard/" + file, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(DashboardAssets.TryGet(file, out var expected, out _));
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Theory]
    [InlineData("nope.js")]
    [InlineData("wwwroot/index.html")]
    [InlineData("Index.html")]
    [InlineData("DataOps.Functions.dll")]
    [InlineData("functions.metadata")]
    public async Task AnUnknownFile_IsNotFound(string file)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/dashboard/" + file, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("api/dashboard/..%2F..%2Fhost.json")]
    [InlineData("api/dashboard/..%5C..%5Chost.json")]
    [InlineData("api/dashboard/%2e%2e/%2e%2e/host.json")]
    [InlineData("api/dashboard/....//....//host.json")]
    [InlineData("api/dashboard/%252e%252e%252fhost.json")]
    [InlineData("api/dashboard/app.js%00.html")]
    public async Task ATraversalAttempt_ServesNothing(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.True(
            response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"{path} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain("\"extensions\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/datasets")]
    [InlineData("api/datasets/any-dataset")]
    public async Task TheApi_WithoutAKey_Is401(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheApi_WithAWrongKey_Is401_AndWithTheKeyInTheHeader_Answers()
    {
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("api/datasets", UriKind.Relative));
        wrong.Headers.Add("x-functions-key", "not-the-key");
        using var refused = await fixture.Anonymous.SendAsync(wrong, Token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri("api/datasets", UriKind.Relative));
        right.Headers.Add("x-functions-key", DataOpsApp.Key);
        using var answered = await fixture.Anonymous.SendAsync(right, Token);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
