using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Tests.Domain.Quality;

public sealed class ConnectorHealthEvaluatorTests
{
    private static readonly ConnectorProbe Healthy = new(true, true, TimeSpan.FromMilliseconds(350), 0.0, true, 500, 500);

    [Fact]
    public void Evaluate_HealthyProbe_Scores100()
    {
        var result = ConnectorHealthEvaluator.Evaluate(Healthy);

        Assert.Equal(QualityCheckType.ConnectorHealth, result.Type);
        Assert.Equal(100, result.Score);
        Assert.True(result.Passed);
        Assert.Empty(result.Errors);
        Assert.Equal("350", result.Details["responseTimeMs"]);
        Assert.True(ConnectorHealthEvaluator.IsHealthy(Healthy));
    }

    public static TheoryData<string, ConnectorProbe, string> Unhealthy() => new()
    {
        { "disconnected", Healthy with { Connected = false, Error = "connection refused" }, "not reachable: connection refused" },
        { "unauthorized", Healthy with { Authorized = false }, "not authorized" },
        { "exactly 5 s", Healthy with { ResponseTime = TimeSpan.FromSeconds(5) }, "response time 5000 ms is not under 5000 ms" },
        { "slow", Healthy with { ResponseTime = TimeSpan.FromSeconds(8) }, "response time" },
        { "1 % errors", Healthy with { ErrorRate = 0.01 }, "error rate 1 % is not under 1 %" },
        { "NaN errors", Healthy with { ErrorRate = double.NaN }, "error rate" },
        { "upload failed", Healthy with { LastUploadSuccessful = false }, "last upload did not finish successfully" },
        { "under-indexed", Healthy with { IndexedDocumentCount = 480 }, "480 documents indexed, expected 500" },
        { "stale docs", Healthy with { IndexedDocumentCount = 520 }, "520 documents indexed, expected 500" },
    };

    [Theory]
    [MemberData(nameof(Unhealthy))]
    public void Evaluate_OneConditionBroken_ScoresZeroAndNamesIt(string description, ConnectorProbe probe, string expected)
    {
        var result = ConnectorHealthEvaluator.Evaluate(probe);

        Assert.Equal(0, result.Score);
        Assert.False(result.Passed, description);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.False(ConnectorHealthEvaluator.IsHealthy(probe));
    }

    [Fact]
    public void Evaluate_JustUnderLimits_Healthy()
        => Assert.True(ConnectorHealthEvaluator.Evaluate(Healthy with { ResponseTime = TimeSpan.FromMilliseconds(4999), ErrorRate = 0.0099 }).Passed);

    [Fact]
    public void Evaluate_NoExpectedCount_IndexCountNotChecked()
        => Assert.True(ConnectorHealthEvaluator.IsHealthy(Healthy with { IndexedDocumentCount = 0, ExpectedDocumentCount = null }));

    [Fact]
    public void Evaluate_SeveralBroken_ListsEach()
        => Assert.Equal(3, ConnectorHealthEvaluator.Problems(Healthy with { Connected = false, Authorized = false, LastUploadSuccessful = false }).Count);

    [Fact]
    public void Evaluate_CustomCriteria_Applied()
    {
        var criteria = new ConnectorHealthCriteria(TimeSpan.FromSeconds(10), 0.05);

        Assert.True(ConnectorHealthEvaluator.IsHealthy(Healthy with { ResponseTime = TimeSpan.FromSeconds(7), ErrorRate = 0.02 }, criteria));
    }
}
