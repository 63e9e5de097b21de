using System.Text.RegularExpressions;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.MockData.Catalog;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.Tests.MockData.Catalog;

public sealed class TemplateLibraryTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(Industry.Healthcare, "developer_productivity", DatasetType.ConfluencePages, "healthcare.developer_productivity.confluence_pages", TemplateMatchKind.Exact)]
    [InlineData(Industry.Healthcare, "developer_productivity", DatasetType.JiraIssues, "healthcare.clinical_workflows.jira_issues", TemplateMatchKind.IndustryAndType)]
    [InlineData(Industry.Retail, "developer_productivity", DatasetType.Custom, "generic.general.custom", TemplateMatchKind.GenericType)]
    public void Select_Request_FollowsExactThenIndustryThenGeneric(Industry industry, string useCase, DatasetType type, string expected, TemplateMatchKind kind)
    {
        var library = new TemplateLibrary();
        library.Replace(RepositoryTemplates.All.Select(r => r.Template!));

        var choice = library.Select(industry, UseCase.Create(useCase), type);

        Assert.NotNull(choice);
        Assert.Equal(expected, choice.Value.Template.Id);
        Assert.Equal(kind, choice.Value.Recommendation.MatchKind);
    }

    [Fact]
    public void Select_NoTemplateOfTheType_ReturnsNull()
    {
        var library = new TemplateLibrary();
        library.Replace(RepositoryTemplates.All.Select(r => r.Template!).Where(t => t.Metadata.DatasetType != DatasetType.Custom));

        Assert.Null(library.Select(Industry.Retail, UseCase.Create("x"), DatasetType.Custom));
    }

    [Fact]
    public async Task DiscoverAsync_CatalogUnreachable_StillLoadsTheLibraryFromFiles()
    {
        // Port 1 on loopback refuses connections: the table cannot be reached.
        var unreachable = AzuriteFixture.UniqueName("x");
        var connection = Regex.Replace(azurite.ConnectionString, "TableEndpoint=[^;]*", "TableEndpoint=http://127.0.0.1:1/devstoreaccount1");
        var store = new TemplateCatalogStore(new TableServiceClient(connection, StorageTestOptions.Tables()).GetTableClient(unreachable));
        var library = new TemplateLibrary();
        var discovery = new TemplateDiscoveryService(store, library, NullLogger<TemplateDiscoveryService>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => discovery.DiscoverAsync(RepositoryTemplates.Root, TestContext.Current.CancellationToken));

        Assert.Equal(RepositoryTemplates.All.Count, library.All.Count);
    }
}
