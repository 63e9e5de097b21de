using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Documents;
using DataOps.Glean.Model;
using DataOps.MockData.Generation;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData;

namespace DataOps.Tests.Glean;

public sealed class SampleQueriesTests
{
    [Theory]
    [InlineData(DatasetType.ConfluencePages)]
    [InlineData(DatasetType.GithubRepos)]
    [InlineData(DatasetType.SlackMessages)]
    [InlineData(DatasetType.JiraIssues)]
    [InlineData(DatasetType.Custom)]
    public void Defaults_EveryType_HasTenDistinctQueries(DatasetType type)
    {
        var queries = SampleQueries.Defaults(type);

        Assert.Equal(SampleQueries.Count, queries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(DatasetType.ConfluencePages)]
    [InlineData(DatasetType.JiraIssues)]
    [InlineData(DatasetType.SlackMessages)]
    public void FromRecords_Records_PicksWordsTheRecordsContain(DatasetType type)
    {
        var records = GleanRecords.Create(type, 40);

        var queries = SampleQueries.FromRecords(type, records);

        Assert.Equal(SampleQueries.Count, queries.Count);
        Assert.Contains("onboarding", queries);
    }

    [Fact]
    public void FromRecords_NoRecords_FallsBackToDefaults() =>
        Assert.Equal(SampleQueries.Defaults(DatasetType.Custom), SampleQueries.FromRecords(DatasetType.Custom, []));

    [Fact]
    public void FromRecords_FewTitleWords_TakesBodyWordsBeforeDefaults()
    {
        IReadOnlyDictionary<string, object?>[] records =
        [
            new Dictionary<string, object?> { ["id"] = "1", ["title"] = "Payments", ["body"] = "alpha bravo charlie delta echoes foxtrot golfing hotel india juliet" },
        ];

        var queries = SampleQueries.FromRecords(DatasetType.Custom, records);

        Assert.Equal("payments", queries[0]);
        Assert.DoesNotContain(queries, q => SampleQueries.Defaults(DatasetType.Custom).Contains(q));
    }

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Plan_EveryTemplatesSandboxData_TenQueriesEachNamingTheDocumentsWhoseTitlesCarryIt(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var type = template.Metadata.DatasetType;
        var records = new MockDataGenerator().Generate(template, new GenerationRequest("acme", null, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero))).ToList();
        var connector = ConnectorConfigTranslator.FromSpec(new ConnectorSpec($"ACME-sandbox-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, Stage.Sandbox), []);
        var titles = records.Select(r => DocumentTransformers.For(type).Transform(r, new DocumentContext(connector)))
            .ToDictionary(d => d.Id, d => SampleQueryPlanner.Terms(d.Title).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var queries = SampleQueries.Plan(connector, records);

        Assert.Equal(SampleQueries.Count, queries.Count);
        Assert.Equal(SampleQueries.Count, queries.Select(q => q.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(queries, q =>
        {
            Assert.InRange(q.ExpectedDocumentIds.Count, 1, SampleQueryPlanner.MaxExpected);
            var words = SampleQueryPlanner.Terms(q.Text).ToList();
            Assert.All(q.ExpectedDocumentIds, id => Assert.Superset(words.ToHashSet(StringComparer.Ordinal), titles[id]));
            Assert.Equal(
                titles.Where(t => words.All(t.Value.Contains)).Select(t => t.Key).Order(StringComparer.Ordinal),
                q.ExpectedDocumentIds.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Plan_NoRecords_HasNoQueries()
    {
        var connector = ConnectorConfigTranslator.FromSpec(new ConnectorSpec("ACME-sandbox-custom", DatasetType.Custom, Stage.Sandbox), []);

        Assert.Empty(SampleQueries.Plan(connector, []));
    }
}
