using System.Text.Json;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Quality;

/// <summary>
/// The production READY rule (Decisions table): schema and completeness are not applicable, never fail, carry no
/// score, and the overall score is over connector health and sample queries with their weights renormalized.
/// </summary>
public sealed class NotApplicableChecksTests
{
    private static QualityCheckResult[] Production(double health, double queries, bool? queriesPassed = null) =>
    [
        QualityCheckResult.NotApplicable(QualityCheckType.Schema, "production datasets hold no records of ours"),
        QualityCheckResult.NotApplicable(QualityCheckType.Completeness, "production datasets hold no records of ours"),
        Check(QualityCheckType.ConnectorHealth, health),
        Check(QualityCheckType.SampleQueries, queries, queriesPassed),
    ];

    [Fact]
    public void NotApplicable_Result_HasNoScoreNeverFailsAndSaysWhy()
    {
        var result = QualityCheckResult.NotApplicable(QualityCheckType.Schema, "no template schema");

        Assert.Null(result.Score);
        Assert.False(result.IsApplicable);
        Assert.True(result.Passed);
        Assert.Empty(result.Errors);
        Assert.Equal("no template schema", result.Details[QualityCheckResult.NotApplicableDetail]);
        Assert.Equal(QualityThresholds.Default.Schema, result.Threshold);
    }

    [Fact]
    public void NotApplicable_JsonRoundTrip_StaysWithoutAScore()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(QualityCheckResult.NotApplicable(QualityCheckType.Completeness, "not populated by the product"), options);
        var back = JsonSerializer.Deserialize<QualityCheckResult>(json, options)!;

        Assert.Contains("\"score\":null", json, StringComparison.Ordinal);
        Assert.False(back.IsApplicable);
        Assert.Equal("not populated by the product", back.Details[QualityCheckResult.NotApplicableDetail]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void NotApplicable_BlankReason_Throws(string reason)
        => Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => QualityCheckResult.NotApplicable(QualityCheckType.Completeness, reason)).Field);

    [Fact]
    public void Decide_ProductionHealthAndQueriesPass_ReadyWithOverallOverThoseTwo()
    {
        var decision = QualityEvaluation.Decide(Production(100, 100), T0);

        Assert.True(decision.IsReady);
        Assert.Equal(100, decision.Score.Overall);
        Assert.Null(decision.Score.Schema);
        Assert.Null(decision.Score.Completeness);
        Assert.Equal(100, decision.Score.ConnectorHealth);
        Assert.Equal([QualityCheckType.Schema, QualityCheckType.Completeness], decision.Score.NotApplicableChecks);
        Assert.Empty(decision.Score.FailedChecks);
        Assert.Equal(
            "ready: all applicable checks passed, overall 100 >= 95 over connector_health, sample_queries; not applicable: schema, completeness",
            decision.Summary);
    }

    [Fact]
    public void Decide_NotApplicableChecks_WeightsRenormalizedOverTheOnesThatApply()
    {
        // Health 0.25 and queries 0.15 become 0.625 and 0.375: (100 x 0.25 + 90 x 0.15) / 0.40 = 96.25. Scoring the
        // two missing checks as 100 would give 98.5 instead.
        var thresholds = QualityThresholds.Create(100, 95, 100, 90, 95);

        var decision = QualityEvaluation.Decide(Production(100, 90, queriesPassed: true), T0, thresholds: thresholds);

        Assert.Equal(96.25, decision.Score.Overall);
        Assert.True(decision.IsReady);
    }

    [Fact]
    public void Decide_ProductionQueriesFail_FailedNamingTheFailureAndTheChecksThatDidNotApply()
    {
        var decision = QualityEvaluation.Decide(Production(100, 0), T0);

        Assert.False(decision.IsReady);
        Assert.Equal([QualityCheckType.SampleQueries], decision.Score.FailedChecks);
        Assert.Equal(62.5, decision.Score.Overall);
        Assert.Equal(
            "failed: sample_queries 0 (threshold 100); overall 62.5 < 95 over connector_health, sample_queries; not applicable: schema, completeness",
            decision.Summary);
    }

    [Fact]
    public void Decide_NotApplicableCheckBelowItsThreshold_NeverFails()
    {
        // Thresholds of 100 for schema and completeness would fail any score below them; a check without a score has none.
        var decision = QualityEvaluation.Decide(Production(100, 100), T0, thresholds: QualityThresholds.Create(100, 100, 100, 100, 100));

        Assert.True(decision.IsReady);
        Assert.DoesNotContain(QualityCheckType.Schema, decision.Score.FailedChecks);
    }

    [Fact]
    public void Decide_NoCheckApplies_ThrowsSayingOneMust()
    {
        var none = Enum.GetValues<QualityCheckType>().Select(t => QualityCheckResult.NotApplicable(t, "nothing to check"));

        var ex = Assert.Throws<DomainValidationException>(() => QualityEvaluation.Decide(none, T0));

        Assert.Equal("checks", ex.Field);
        Assert.Contains("at least one must", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ChecksThatApplyWeighNothing_ThrowsNamingThem()
    {
        var weights = QualityWeights.Create(0.5, 0.5, 0, 0);

        var ex = Assert.Throws<DomainValidationException>(() => QualityEvaluation.Decide(Production(100, 100), T0, weights));

        Assert.Equal("weights", ex.Field);
        Assert.Contains("connector_health, sample_queries", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_EveryCheckApplies_NothingNamedNotApplicable()
    {
        var decision = QualityEvaluation.Decide(PassingChecks(), T0);

        Assert.Empty(decision.Score.NotApplicableChecks);
        Assert.DoesNotContain("not applicable", decision.Summary, StringComparison.Ordinal);
    }
}
