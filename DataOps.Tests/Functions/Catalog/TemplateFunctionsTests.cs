using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Functions.Access;
using DataOps.Functions.Catalog;
using DataOps.Functions.Storage;
using DataOps.Tests.Hosting;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Functions.Catalog;

public sealed class TemplateFunctionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.UniqueName("templatecatalog");
    private TestFunctionHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TestFunctionHost.StartAsync(
            azurite,
            [typeof(TemplateFunctions)],
            new Dictionary<string, string?> { ["MockData:TemplateRoot"] = RepositoryTemplates.Root, ["MockData:CatalogTable"] = _table },
            services => services.AddDataOpsStorage(TestFunctionHost.StorageConfiguration(azurite)).AddTemplateCatalog().AddDataOpsAccess());
        _host.Client.DefaultRequestHeaders.Add("x-functions-key", TestFunctionHost.Key);

        // The start-up initializer fills the catalog in the background.
        await Eventually.HoldsAsync(async () => (await ListAsync("/api/templates")).GetProperty("count").GetInt32() == RepositoryTemplates.All.Count, "the catalog holds every template");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(_table);
    }

    [Fact]
    public async Task ListTemplates_WithoutKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Client.BaseAddress };

        using var response = await anonymous.GetAsync("/api/templates", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/templates?industry=retail", 4)]
    [InlineData("/api/templates?industry=retail&useCase=customer_support&datasetType=", 3)]
    [InlineData("/api/templates?datasetType=slack_messages", 6)]
    public async Task ListTemplates_Filters_ReturnMatchingTemplates(string url, int expected)
    {
        var body = await ListAsync(url);

        Assert.Equal(expected, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ListTemplates_UnknownFilterValues_Returns400ProblemNamingEachField()
    {
        using var response = await _host.Client.GetAsync("/api/templates?industry=aerospace&datasetType=wiki", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["industry", "datasetType"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task GetTemplate_KnownAndUnknownIds_Return200WithSamplesOr404()
    {
        using var found = await _host.Client.GetAsync("/api/templates/healthcare.developer_productivity.confluence_pages", Ct);
        using var missing = await _host.Client.GetAsync("/api/templates/healthcare.nothing.confluence_pages", Ct);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var detail = await found.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, detail.GetProperty("sampleData").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RecommendTemplates_ValidBody_RanksExactFirst()
    {
        using var response = await PostAsync("/api/templates/recommend", """{"industry":"fintech","useCase":"customer_support","datasetTypes":["slack_messages","confluence_pages"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results");
        Assert.Equal("fintech.customer_support.slack_messages", results[0].GetProperty("recommended").GetString());
        Assert.Equal("fintech.developer_productivity.confluence_pages", results[1].GetProperty("recommended").GetString());
        Assert.Equal("industry_and_type", results[1].GetProperty("candidates")[0].GetProperty("matchKind").GetString());
    }

    [Theory]
    [InlineData("""{"industry":"fintech"}""", "useCase")]
    [InlineData("""{"industry":"fintech","useCase":"x","datasetTypes":["nope"]}""", "datasetTypes")]
    [InlineData("[]", "body")]
    public async Task RecommendTemplates_BadBody_Returns400Problem(string json, string field)
    {
        using var response = await PostAsync("/api/templates/recommend", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RecommendTemplates_OversizedBody_Returns413Problem()
    {
        using var response = await PostAsync("/api/templates/recommend", $$"""{"industry":"fintech","useCase":"{{new string('a', 20_000)}}"}""");

        await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task RecommendTemplates_BodyNotSentAsJson_Returns415Problem(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"industry":"fintech","useCase":"customer_support"}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _host.Client.PostAsync("/api/templates/recommend", content, Ct);

        await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task DiscoverTemplates_Rescan_IsIdempotent()
    {
        using var response = await PostAsync("/api/templates/discover", string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, report.GetProperty("registered").GetInt32() + report.GetProperty("updated").GetInt32() + report.GetProperty("removed").GetInt32());
        Assert.Equal(RepositoryTemplates.All.Count, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(RepositoryTemplates.All.Count, (await ListAsync("/api/templates")).GetProperty("count").GetInt32());
    }

    private async Task<JsonElement> ListAsync(string url)
    {
        using var response = await _host.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private Task<HttpResponseMessage> PostAsync(string url, string json)
        => _host.Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
}
