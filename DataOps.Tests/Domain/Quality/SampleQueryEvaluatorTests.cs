using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Tests.Domain.Quality;

public sealed class SampleQueryEvaluatorTests
{
    private static SampleQueryResult Ok(string q) => new(q, 5, TimeSpan.FromMilliseconds(200));

    private static SampleQueryResult[] TenOk() => Enumerable.Range(1, 10).Select(i => Ok($"q{i}")).ToArray();

    [Fact]
    public void Evaluate_AllTenSucceed_Scores100()
    {
        var result = SampleQueryEvaluator.Evaluate(TenOk());

        Assert.Equal(QualityCheckType.SampleQueries, result.Type);
        Assert.Equal(100, result.Score);
        Assert.True(result.Passed);
        Assert.Equal("10", result.Details["queries"]);
    }

    [Theory]
    [InlineData(0, null, 200, "returned no results")]
    [InlineData(3, "HTTP 500", 200, "failed: HTTP 500")]
    [InlineData(3, null, 10_000, "took 10000 ms, limit 10000 ms")]
    [InlineData(3, null, 12_000, "took 12000 ms, limit 10000 ms")]
    public void Evaluate_OneOfTenFails_Scores90AndFails(int results, string? error, int latencyMs, string expected)
    {
        var runs = TenOk();
        runs[4] = new SampleQueryResult("FDA compliance", results, TimeSpan.FromMilliseconds(latencyMs), error);

        var result = SampleQueryEvaluator.Evaluate(runs);

        Assert.Equal(90, result.Score);
        Assert.False(result.Passed);
        Assert.Equal($"query 'FDA compliance' {expected}", Assert.Single(result.Errors));
    }

    [Fact]
    public void Evaluate_LatencyJustUnderTenSeconds_Succeeds()
        => Assert.True(SampleQueryEvaluator.Evaluate([new SampleQueryResult("q", 1, TimeSpan.FromMilliseconds(9999))]).Passed);

    [Fact]
    public void Evaluate_NoQueries_ScoresZeroAndFails()
    {
        var result = SampleQueryEvaluator.Evaluate([]);

        Assert.Equal(0, result.Score);
        Assert.False(result.Passed);
        Assert.Contains("0 sample queries ran, at least 1 required", result.Errors);
    }

    [Fact]
    public void Evaluate_FewerThanMinimum_FailsEvenIfAllSucceed()
    {
        var result = SampleQueryEvaluator.Evaluate([Ok("a"), Ok("b")], new SampleQueryCriteria(TimeSpan.FromSeconds(10), 10));

        Assert.Equal(100, result.Score);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Evaluate_LowerThreshold_PassesPartialSuccess()
    {
        var runs = TenOk();
        runs[0] = runs[0] with { ResultCount = 0 };

        Assert.True(SampleQueryEvaluator.Evaluate(runs, threshold: 90).Passed);
    }

    [Fact]
    public void Evaluate_QueryMissingAnExpectedDocument_FailsKeepingItAsEvidence()
    {
        var runs = TenOk();
        runs[2] = new SampleQueryResult("consent tracker", 7, TimeSpan.FromMilliseconds(100))
        {
            Expected = ["page-1", "page-2", "page-3"],
            Found = ["page-1"],
            Missing = ["page-2", "page-3"],
        };

        var result = SampleQueryEvaluator.Evaluate(runs);

        Assert.Equal(90, result.Score);
        Assert.False(result.Passed);
        Assert.Equal("query 'consent tracker' found 1 of 3 expected documents (7 results); missing page-2, page-3", Assert.Single(result.Errors));
        Assert.Equal("page-2, page-3", result.Details[SampleQueryEvaluator.MissingDocumentsDetail]);
        Assert.Equal(
            "'consent tracker': found 1 of 3 expected documents (7 results); missing page-2, page-3; expected [page-1, page-2, page-3], found [page-1], missing [page-2, page-3]",
            result.Details["query03"]);
    }

    [Fact]
    public void Evaluate_EveryExpectedDocumentFound_PassesAndReportsEachQuery()
    {
        var runs = Enumerable.Range(1, 10)
            .Select(i => new SampleQueryResult($"q{i}", 2, TimeSpan.FromMilliseconds(50)) { Expected = [$"d{i}"], Found = [$"d{i}"] })
            .ToArray();

        var result = SampleQueryEvaluator.Evaluate(runs);

        Assert.True(result.Passed);
        Assert.Equal("'q10': passed; expected [d10], found [d10], missing []", result.Details["query10"]);
        Assert.False(result.Details.ContainsKey(SampleQueryEvaluator.MissingDocumentsDetail));
    }
}
