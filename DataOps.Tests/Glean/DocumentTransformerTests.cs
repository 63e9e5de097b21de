using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Documents;
using DataOps.Glean.Model;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

public sealed class DocumentTransformerTests
{
    private static GleanConnector Connector(DatasetType type, string host = "https://acme.example.com") =>
        ConnectorConfigTranslator.FromSpec(new ConnectorSpec($"ACME-sandbox-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, Stage.Sandbox, new Uri(host)), []);

    [Theory]
    [InlineData(DatasetType.ConfluencePages, "Page", "Onboarding guide 0", "ENG")]
    [InlineData(DatasetType.GithubRepos, "Repository", "acme/onboarding-service-0", "acme")]
    [InlineData(DatasetType.SlackMessages, "Message", "#eng-roadmap: Heads up: the onboarding rollout moves to Thursday (0)", "eng-roadmap")]
    [InlineData(DatasetType.JiraIssues, "Issue", "ENG-0: Onboarding fails under load", "ENG")]
    [InlineData(DatasetType.Custom, "Document", "Onboarding overview 0", null)]
    public void Transform_CanonicalRecord_MapsTypeTitleAndContainer(DatasetType type, string objectType, string title, string? container)
    {
        var connector = Connector(type);

        var document = DocumentTransformers.For(type).Transform(GleanRecords.One(type, 0), new DocumentContext(connector));

        Assert.Equal(objectType, document.ObjectType);
        Assert.DoesNotContain(' ', document.ObjectType);
        Assert.DoesNotContain('_', document.ObjectType);
        Assert.Equal(title, document.Title);
        Assert.Equal(container, document.Container);
        Assert.Equal(connector.DatasourceName, document.Datasource);
        Assert.True(document.Permissions.AllowAllDatasourceUsersAccess);
        Assert.Matches(connector.UrlRegex, document.ViewUrl);
        Assert.False(string.IsNullOrEmpty(document.Body?.TextContent));
    }

    [Fact]
    public void Transform_Times_AreEpochSeconds()
    {
        var record = new Dictionary<string, object?>
        {
            ["id"] = "p1",
            ["url"] = "https://acme.example.com/p1",
            ["created_at"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            ["updated_at"] = "2025-01-02T01:04:06Z",
            ["title"] = "t",
            ["body"] = "b",
        };

        var document = DocumentTransformers.For(DatasetType.Custom).Transform(record, new DocumentContext(Connector(DatasetType.Custom)));

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 1, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds(), document.CreatedAt);
        Assert.Equal(document.CreatedAt + 1, document.UpdatedAt);
    }

    [Fact]
    public void Transform_UrlOutsideTheRegex_GetsACanonicalUrl()
    {
        var connector = Connector(DatasetType.ConfluencePages, "https://wiki.example.com");

        var document = DocumentTransformers.For(DatasetType.ConfluencePages).Transform(GleanRecords.One(DatasetType.ConfluencePages, 3), new DocumentContext(connector));

        Assert.Equal("https://wiki.example.com/page/page-3", document.ViewUrl);
    }

    [Fact]
    public void Transform_IdOver200Characters_IsShortenedStably()
    {
        var record = new Dictionary<string, object?> { ["id"] = new string('x', 250) + "1", ["title"] = "t" };
        var other = new Dictionary<string, object?> { ["id"] = new string('x', 250) + "2", ["title"] = "t" };
        var context = new DocumentContext(Connector(DatasetType.Custom));

        var a = DocumentTransformers.For(DatasetType.Custom).Transform(record, context);
        var b = DocumentTransformers.For(DatasetType.Custom).Transform(other, context);

        Assert.Equal(200, a.Id.Length);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public void Transform_RecordWithoutId_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DocumentTransformers.For(DatasetType.Custom).Transform(new Dictionary<string, object?> { ["title"] = "t" }, new DocumentContext(Connector(DatasetType.Custom))));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_JiraIssue_CarriesPeopleTagsAndProperties()
    {
        var document = DocumentTransformers.For(DatasetType.JiraIssues).Transform(GleanRecords.One(DatasetType.JiraIssues, 0), new DocumentContext(Connector(DatasetType.JiraIssues)));

        Assert.Equal("reporter@example.com", document.Author?.Email);
        Assert.Equal("owner@example.com", document.Owner?.Email);
        Assert.Equal(["onboarding"], document.Tags);
        Assert.Contains(document.CustomProperties!, p => p.Name == "priority" && (string)p.Value == "High");
    }

    [Fact]
    public void Transform_GithubRepo_StarsAreANumber()
    {
        var document = DocumentTransformers.For(DatasetType.GithubRepos).Transform(GleanRecords.One(DatasetType.GithubRepos, 2), new DocumentContext(Connector(DatasetType.GithubRepos)));

        Assert.Contains(document.CustomProperties!, p => p.Name == "stars" && p.Value is long and 6);
    }
}
