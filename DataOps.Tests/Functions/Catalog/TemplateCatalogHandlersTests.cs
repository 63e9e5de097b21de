using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Functions.Catalog;
using DataOps.MockData.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using DataOps.Functions.Registry;
using DataOps.MockData;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData;
using DataOps.Tests.MockData.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Functions.Catalog;

public sealed class TemplateCatalogHandlersTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly CatalogFixture _catalog = new(azurite);
    private TemplateCatalogHandlers _handlers = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _handlers = new TemplateCatalogHandlers(_catalog.Store, _catalog.Discovery, Options.Create(new MockDataOptions { TemplateRoot = RepositoryTemplates.Root }));
        await _handlers.DiscoverAsync(Ct);
    }

    public ValueTask DisposeAsync() => _catalog.DisposeAsync();

    [Fact]
    public async Task DiscoverAsync_PublishesEachTemplateRegisteredOnce_AndARescanOfTheSameFilesNothing()
    {
        await using var catalog = new CatalogFixture(azurite);
        var published = new RecordingPublisher();
        var discovery = new TemplateDiscoveryService(catalog.Store, catalog.Library, NullLogger<TemplateDiscoveryService>.Instance, [new TemplateChangePublisher(published, TimeProvider.System)]);
        var handlers = new TemplateCatalogHandlers(catalog.Store, discovery, Options.Create(new MockDataOptions { TemplateRoot = RepositoryTemplates.Root }));

        await handlers.DiscoverAsync(Ct);
        var first = published.Events.ToList();
        await handlers.DiscoverAsync(Ct);

        Assert.Equal(RepositoryTemplates.All.Count, first.Count);
        Assert.All(first, e => Assert.Equal(nameof(DataOps.Domain.Events.DatasetTemplateRegistered), e.EventType));
        Assert.All(first, e => Assert.StartsWith("template:", e.StreamId, StringComparison.Ordinal));
        Assert.Equal(first.Count, first.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(first.Count, published.Events.Count);
    }

    [Fact]
    public async Task ListAsync_IndustryAndType_ReturnsMatchingSummaries()
    {
        var result = await _handlers.ListAsync("healthcare", null, "github_repos", Ct);

        var body = Body(result, 200);
        Assert.Equal(1, body.GetProperty("count").GetInt32());
        var item = body.GetProperty("items")[0];
        Assert.Equal("healthcare.developer_productivity.github_repos", item.GetProperty("templateId").GetString());
        Assert.Equal(50, item.GetProperty("recordCount").GetInt32());
    }

    [Fact]
    public async Task ListAsync_BadFilters_Returns400NamingEachField()
    {
        var result = await _handlers.ListAsync("aerospace", "Bad Case!", "wiki", Ct);

        var problem = Assert.IsType<ValidationProblem>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(["datasetType", "industry", "useCase"], problem.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadRequests_NeverTouchStorage()
    {
        await using var untouched = new CatalogFixture(azurite);
        var handlers = new TemplateCatalogHandlers(untouched.Store, untouched.Discovery, Options.Create(new MockDataOptions { TemplateRoot = RepositoryTemplates.Root }));

        await handlers.ListAsync("aerospace", null, null, Ct);
        await handlers.GetAsync("not/an/id", Ct);
        await handlers.RecommendAsync(Json("""{"industry":"retail"}"""), Ct);

        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(TableClient.CreateQueryFilter($"TableName eq {untouched.Table.Name}"), cancellationToken: Ct))
        {
            tables.Add(table.Name);
        }

        Assert.Empty(tables);
    }

    [Fact]
    public async Task GetAsync_KnownId_ReturnsSampleDataSchemaAndStatistics()
    {
        var body = Body(await _handlers.GetAsync("fintech.developer_productivity.jira_issues", Ct), 200);

        Assert.Equal("jira_issues", body.GetProperty("template").GetProperty("datasetType").GetString());
        Assert.Equal(3, body.GetProperty("sampleData").GetArrayLength());
        Assert.Equal("PAY-101", body.GetProperty("sampleData")[0].GetProperty("key").GetString());
        Assert.Contains(body.GetProperty("schema").GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "epic_key");
        Assert.True(body.GetProperty("statistics").GetProperty("previewRecords").GetInt32() > 0);
    }

    [Theory]
    [InlineData("fintech.nothing_here.jira_issues", 404)]
    [InlineData("fintech/x/jira_issues", 400)]
    [InlineData("no-dots", 400)]
    [InlineData("", 400)]
    public async Task GetAsync_UnknownOrMalformedId_ReturnsProblem(string id, int status)
    {
        var result = await _handlers.GetAsync(id, Ct);

        Assert.Equal(status, ((IStatusCodeHttpResult)result).StatusCode);
    }

    [Fact]
    public async Task RecommendAsync_HealthcareDeveloperProductivity_RanksExactThenIndustryThenGeneric()
    {
        var body = Body(await _handlers.RecommendAsync(Json("""{"industry":"healthcare","useCase":"developer_productivity","datasetTypes":["confluence_pages","jira_issues","custom"]}"""), Ct), 200);

        var results = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("datasetType").GetString()!);
        var confluence = results["confluence_pages"].GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal("healthcare.developer_productivity.confluence_pages", results["confluence_pages"].GetProperty("recommended").GetString());
        Assert.Equal(["exact", "industry_and_type", "generic_type"], confluence.Take(3).Select(c => c.GetProperty("matchKind").GetString()));
        Assert.Equal([1.0, 0.75, 0.5], confluence.Take(3).Select(c => c.GetProperty("confidence").GetDouble()));
        Assert.Equal("healthcare.clinical_workflows.confluence_pages", confluence[1].GetProperty("templateId").GetString());
        Assert.Equal("generic.general.confluence_pages", confluence[2].GetProperty("templateId").GetString());
        Assert.All(confluence.Skip(3), c => Assert.False(c.GetProperty("selectable").GetBoolean()));
        Assert.Equal("healthcare.clinical_workflows.jira_issues", results["jira_issues"].GetProperty("recommended").GetString());
        Assert.Equal("industry_and_type", results["jira_issues"].GetProperty("candidates")[0].GetProperty("matchKind").GetString());
        Assert.Equal("generic.general.custom", results["custom"].GetProperty("recommended").GetString());
        Assert.Contains("generic", results["custom"].GetProperty("candidates")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> BadRecommendations() => new()
    {
        { "", ["body"] },
        { "not json", ["body"] },
        { "[1]", ["body"] },
        { "{}", ["industry", "useCase"] },
        { """{"industry":"generic","useCase":"x"}""", ["industry"] },
        { """{"industry":42,"useCase":"developer_productivity"}""", ["industry"] },
        { """{"industry":"retail","useCase":"a/b"}""", ["useCase"] },
        { """{"industry":"retail","useCase":"ok","datasetTypes":[]}""", ["datasetTypes"] },
        { """{"industry":"retail","useCase":"ok","datasetTypes":["jira_issues","jira_issues","wiki"]}""", ["datasetTypes"] },
        { """{"industry":"retail","useCase":"ok","datasetTypes":"jira_issues"}""", ["datasetTypes"] },
        { """{"industry":"re\udc00tail","useCase":"\ud800","datasetTypes":["\ud800"]}""", ["datasetTypes", "industry", "useCase"] },
    };

    [Theory]
    [MemberData(nameof(BadRecommendations))]
    public async Task RecommendAsync_BadBody_Returns400NamingEachField(string json, string[] fields)
    {
        var result = await _handlers.RecommendAsync(Json(json), Ct);

        var problem = Assert.IsType<ValidationProblem>(result);
        Assert.Equal(fields, problem.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecommendAsync_BodyOverLimit_Returns413Problem()
    {
        var result = await _handlers.RecommendAsync(new byte[TemplateRequestValidator.MaxBodyBytes + 1], Ct);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.IsType<ProblemHttpResult>(result);
    }

    [Fact]
    public async Task DiscoverAsync_Repeated_ChangesNothing()
    {
        var body = Body(await _handlers.DiscoverAsync(Ct), 200);

        Assert.Equal(0, body.GetProperty("registered").GetInt32());
        Assert.Equal(RepositoryTemplates.All.Count, body.GetProperty("unchanged").GetInt32());
        var rows = 0;
        await foreach (var _ in _catalog.Table.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows++;
        }

        Assert.Equal(RepositoryTemplates.All.Count, rows);
    }

    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonElement Body(IResult result, int status)
    {
        Assert.Equal(status, ((IStatusCodeHttpResult)result).StatusCode);
        return JsonSerializer.SerializeToElement(((IValueHttpResult)result).Value, Web);
    }

    /// <summary>Keeps what the handlers publish.</summary>
    private sealed class RecordingPublisher : IDomainEventPublisher
    {
        public System.Collections.Concurrent.ConcurrentQueue<OutboxEvent> Events { get; } = new();

        public Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default)
        {
            foreach (var e in events)
            {
                Events.Enqueue(e);
            }

            return Task.CompletedTask;
        }
    }
}
