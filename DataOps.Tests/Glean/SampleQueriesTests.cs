using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Tests.Infrastructure;

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
}
