using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.MockData.Catalog;

public sealed class TemplateDiscoveryServiceTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly CatalogFixture _catalog = new(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _catalog.DisposeAsync();

    [Fact]
    public async Task DiscoverAsync_RepositoryTree_RegistersEveryTemplateThenIsIdempotent()
    {
        var first = await _catalog.Discovery.DiscoverAsync(RepositoryTemplates.Root, Ct);
        var rowsAfterFirst = await CountRowsAsync();
        var second = await _catalog.Discovery.DiscoverAsync(RepositoryTemplates.Root, Ct);

        Assert.Empty(first.Invalid);
        Assert.Equal(RepositoryTemplates.All.Count, first.Registered);
        Assert.Equal(first.Scanned, first.Valid);
        Assert.Equal((0, 0, 0, first.Registered), (second.Registered, second.Updated, second.Removed, second.Unchanged));
        Assert.Equal(first.Registered, rowsAfterFirst);
        Assert.Equal(rowsAfterFirst, await CountRowsAsync());
        Assert.Equal(first.Registered, _catalog.Library.All.Count);
    }

    [Fact]
    public async Task DiscoverAsync_MalformedAndInvalidTemplates_AreReportedWithReasonAndSkipped()
    {
        using var tree = new TemporaryTemplateTree();
        tree.CopyFromRepository("healthcare/developer_productivity/confluence_pages.json");
        tree.CopyFromRepository("generic/general/confluence_pages.json");
        tree.Write("retail/customer_support/slack_messages.json", "{ \"metadata\": { \"industry\": \"retail\", ");
        tree.Write("fintech/customer_support/jira_issues.json",
            File.ReadAllText(Path.Combine(RepositoryTemplates.Root, "fintech/customer_support/jira_issues.json")).Replace("\"status\": \"To Do\"", "\"status\": \"Blocked\"", StringComparison.Ordinal));
        tree.Write("enterprise/knowledge_mgmt/slack_messages.json",
            File.ReadAllText(Path.Combine(RepositoryTemplates.Root, "enterprise/knowledge_mgmt/slack_messages.json")).Replace("\"dataset_type\": \"slack_messages\"", "\"dataset_type\": \"teams_chats\"", StringComparison.Ordinal));

        var report = await _catalog.Discovery.DiscoverAsync(tree.Root, Ct);

        Assert.Equal((5, 2, 2), (report.Scanned, report.Valid, report.Registered));
        Assert.Collection(
            report.Invalid.OrderBy(p => p.Path, StringComparer.Ordinal),
            p => Assert.Contains(p.Errors, e => e.Contains("unknown dataset type 'teams_chats'", StringComparison.Ordinal)),
            p => Assert.Contains(p.Errors, e => e.StartsWith("data.records[0]: field 'status' has a value outside its allowed values", StringComparison.Ordinal)),
            p => Assert.Contains(p.Errors, e => e.StartsWith("malformed JSON", StringComparison.Ordinal)));
        Assert.NotNull(await _catalog.Store.GetAsync("healthcare.developer_productivity.confluence_pages", Ct));
        Assert.Null(await _catalog.Store.GetAsync("fintech.customer_support.jira_issues", Ct));
    }

    [Fact]
    public async Task DiscoverAsync_FileChangedOrRemoved_UpdatesAndRemovesEntries()
    {
        using var tree = new TemporaryTemplateTree();
        tree.CopyFromRepository("generic/general/github_repos.json");
        tree.CopyFromRepository("generic/general/jira_issues.json");
        await _catalog.Discovery.DiscoverAsync(tree.Root, Ct);
        tree.Delete("generic/general/jira_issues.json");
        tree.Write("generic/general/github_repos.json",
            File.ReadAllText(Path.Combine(RepositoryTemplates.Root, "generic/general/github_repos.json")).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal));

        var report = await _catalog.Discovery.DiscoverAsync(tree.Root, Ct);

        Assert.Equal((0, 1, 1, 0), (report.Registered, report.Updated, report.Removed, report.Unchanged));
        Assert.Equal("1.1.0", (await _catalog.Store.GetAsync("generic.general.github_repos", Ct))!.Metadata.Version);
        Assert.Null(await _catalog.Store.GetAsync("generic.general.jira_issues", Ct));
        Assert.Null(_catalog.Library.Find("generic.general.jira_issues"));
    }

    [Fact]
    public async Task DiscoverAsync_TemplateWithoutSchema_RegistersInferredSchema()
    {
        using var tree = new TemporaryTemplateTree();
        var json = TemplateJsonBuilder.Valid();
        json.Remove("schema");
        json["generation"]!.AsObject().Remove("mix");
        tree.Write(TemplateJsonBuilder.Path, TemplateJsonBuilder.Bytes(json));

        var report = await _catalog.Discovery.DiscoverAsync(tree.Root, Ct);
        var entry = await _catalog.Store.GetAsync("enterprise.test_case.custom", Ct);

        Assert.Empty(report.Invalid);
        Assert.NotNull(entry);
        Assert.True(entry.SchemaInferred);
        Assert.Equal(FieldType.DateTime, entry.Schema.Find("created_at")!.Type);
    }

    [Fact]
    public async Task GetAsync_RegisteredTemplate_ReturnsSamplesAndStatistics()
    {
        await _catalog.Discovery.DiscoverAsync(RepositoryTemplates.Root, Ct);

        var entry = await _catalog.Store.GetAsync("healthcare.developer_productivity.confluence_pages", Ct);

        Assert.NotNull(entry);
        Assert.Equal(DatasetType.ConfluencePages, entry.Metadata.DatasetType);
        Assert.Equal(500, entry.RecordCount);
        Assert.Equal(RepositoryTemplates.Get(entry.Id).SampleRecords.Count, entry.SampleRecords.Count);
        Assert.Equal(RepositoryTemplates.Get(entry.Id).SampleRecords[0]["title"], entry.SampleRecords[0]["title"]);
        Assert.IsType<DateTimeOffset>(entry.SampleRecords[0]["created_at"]);
        var contentType = entry.Statistics.Fields.Single(f => f.Name == "content_type");
        Assert.Equal(["engineering_doc", "meeting_notes", "onboarding", "product_spec"], contentType.Distribution!.Keys);
        Assert.Equal(entry.Statistics.SampleRecords + entry.Statistics.PreviewRecords, contentType.Distribution.Values.Sum());
        Assert.InRange(entry.Statistics.Fields.Single(f => f.Name == "body").AverageLength!.Value, 80, 20000);
        Assert.Null(entry.Statistics.Fields.Single(f => f.Name == "body").Distribution);
    }

    [Theory]
    [InlineData("healthcare", null, null, 5)]
    [InlineData("healthcare", "clinical_workflows", null, 2)]
    [InlineData(null, null, "github_repos", 6)]
    [InlineData("generic", "general", "custom", 1)]
    [InlineData("retail", null, "custom", 0)]
    public async Task ListAsync_Filters_ReturnMatchingTemplates(string? industry, string? useCase, string? datasetType, int expected)
    {
        await _catalog.Discovery.DiscoverAsync(RepositoryTemplates.Root, Ct);

        var entries = await _catalog.Store.ListAsync(industry, useCase, datasetType, Ct);

        Assert.Equal(expected, entries.Count);
        Assert.All(entries, e => Assert.True(
            (industry is null || e.Metadata.Industry == industry) && (useCase is null || e.Metadata.UseCase == useCase) && (datasetType is null || e.Metadata.DatasetType.ToWireName() == datasetType)));
    }

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in _catalog.Table.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            count++;
        }

        return count;
    }
}
