using System.Net;
using DataOps.Functions.OpenApi;
using DataOps.Tests.Functions.Operations.Dashboard;
using Microsoft.OpenApi;

namespace DataOps.Tests.Functions.OpenApi;

/// <summary>The description and its page are served anonymously from the app; the page loads only its own files.</summary>
public sealed class OpenApiHttpTests(DashboardAppFixture fixture) : IClassFixture<DashboardAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApiJson_WithoutACredential_IsServedAsJson_AndReadsBack()
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/openapi.json", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(Token), "json");
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Contains("/datasets/provision", result.Document!.Paths.Keys);
    }

    [Fact]
    public async Task DocsPage_WithoutACredential_IsServedUnderAStrictPolicy_AndStartsFromAFile()
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/docs/", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("<script src=\"docs.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs.js", "text/javascript")]
    [InlineData("swagger-ui-bundle.js", "text/javascript")]
    [InlineData("swagger-ui.css", "text/css")]
    public async Task EachAsset_IsServedWithItsContentType(string file, string mediaType)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/docs/" + file, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(ApiDocsAssets.TryGet(file, out var expected, out _));
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task AnyOtherFile_IsNotFound()
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri("api/docs/swagger-ui-bundle.js.map", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
