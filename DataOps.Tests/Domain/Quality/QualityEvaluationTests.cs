using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Quality;

public sealed class QualityEvaluationTests
{
    [Fact]
    public void Decide_AllPass_ReadyWithWeightedOverall()
    {
        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), Check(QualityCheckType.Completeness, 96), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)],
            T0);

        Assert.True(decision.IsReady);
        Assert.Equal(98.8, decision.Score.Overall);
        Assert.Empty(decision.Score.FailedChecks);
        Assert.Equal(T0, decision.Score.CalculatedAt);
        Assert.Equal(96, decision.Score.Completeness);
        Assert.Equal("ready: overall 98.8 >= 95, all checks passed", decision.Summary);
        Assert.Equal(Enum.GetValues<QualityCheckType>(), decision.Checks.Select(c => c.Type));
    }

    [Fact]
    public void Decide_OverallExactly95AndAllChecksPass_Ready()
    {
        var weights = QualityWeights.Create(0.25, 0.25, 0.25, 0.25);
        var thresholds = QualityThresholds.Create(100, 80, 100, 100, 95);

        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), new QualityCheckResult(QualityCheckType.Completeness, 80, 80, true), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)],
            T0,
            weights,
            thresholds);

        Assert.Equal(95, decision.Score.Overall);
        Assert.True(decision.IsReady);
    }

    [Fact]
    public void Decide_OverallExactly95WithDefaultWeights_Ready()
    {
        // Completeness 83.33 (a repeating fraction) weighted 0.30 contributes 25: overall exactly 95.
        var thresholds = QualityThresholds.Create(100, 80, 100, 100, 95);

        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), new QualityCheckResult(QualityCheckType.Completeness, 250.0 / 3, 80, true), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)],
            T0,
            thresholds: thresholds);

        Assert.Equal(95, decision.Score.Overall);
        Assert.True(decision.IsReady);
    }

    [Fact]
    public void Decide_OverallJustBelow95AllChecksPass_Failed()
    {
        var thresholds = QualityThresholds.Create(90, 80, 100, 100, 95);

        var decision = QualityEvaluation.Decide(
            [new QualityCheckResult(QualityCheckType.Schema, 90, 90, true), new QualityCheckResult(QualityCheckType.Completeness, 93, 80, true), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)],
            T0,
            thresholds: thresholds);

        Assert.Equal(94.9, decision.Score.Overall);
        Assert.False(decision.IsReady);
        Assert.Empty(decision.Score.FailedChecks);
        Assert.Equal("failed: overall 94.9 < 95", decision.Summary);
    }

    [Fact]
    public void Decide_CriticalCheckFailsWithHighOverall_NotReady()
    {
        // Sample queries 90 % -> overall 98.5, far above 95, but the check's own threshold is 100.
        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), Check(QualityCheckType.Completeness, 100), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 90)],
            T0);

        Assert.Equal(98.5, decision.Score.Overall);
        Assert.False(decision.IsReady);
        Assert.Equal([QualityCheckType.SampleQueries], decision.Score.FailedChecks);
        Assert.Equal("failed: sample_queries 90 (threshold 100); overall 98.5 >= 95", decision.Summary);
    }

    [Fact]
    public void Decide_CheckReportsFailureDespiteScore_CountsAsFailed()
    {
        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), Check(QualityCheckType.Completeness, 100), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100, passed: false)],
            T0);

        Assert.False(decision.IsReady);
        Assert.Equal([QualityCheckType.SampleQueries], decision.Score.FailedChecks);
    }

    [Fact]
    public void Decide_ThresholdStricterThanEvaluator_ThresholdWins()
    {
        var strict = QualityThresholds.Create(100, 99, 100, 100, 95);

        var decision = QualityEvaluation.Decide(
            [Check(QualityCheckType.Schema, 100), Check(QualityCheckType.Completeness, 97), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)],
            T0,
            thresholds: strict);

        Assert.Equal([QualityCheckType.Completeness], decision.Score.FailedChecks);
    }

    [Fact]
    public void Decide_EmptyDataset_NotReadyBecauseOfCompleteness()
    {
        var schema = new DataOps.Domain.Templates.TemplateSchema([new DataOps.Domain.Templates.FieldDefinition("id", DataOps.Domain.Templates.FieldType.String, true)], []);
        var checks = new[]
        {
            SchemaValidator.Evaluate([], schema),
            CompletenessEvaluator.Evaluate([], schema, 500),
            ConnectorHealthEvaluator.Evaluate(new ConnectorProbe(true, true, TimeSpan.FromMilliseconds(100), 0, true, 0, 0)),
            SampleQueryEvaluator.Evaluate([new SampleQueryResult("q", 0, TimeSpan.FromMilliseconds(50))]),
        };

        var decision = QualityEvaluation.Decide(checks, T0);

        Assert.False(decision.IsReady);
        Assert.Equal([QualityCheckType.Completeness, QualityCheckType.SampleQueries], decision.Score.FailedChecks);
        Assert.Equal(55, decision.Score.Overall);
    }

    [Fact]
    public void Decide_AllZero_OverallZero()
        => Assert.Equal(0, QualityEvaluation.Decide(Enum.GetValues<QualityCheckType>().Select(t => Check(t, 0)), T0).Score.Overall);

    [Fact]
    public void Decide_MissingCheck_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DomainValidationException>(() => QualityEvaluation.Decide(PassingChecks().Take(3), T0));

        Assert.Equal("checks", ex.Field);
        Assert.Contains("missing sample_queries", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DuplicateCheck_Throws()
        => Assert.Contains("more than once", Assert.Throws<DomainValidationException>(() => QualityEvaluation.Decide([.. PassingChecks(), Check(QualityCheckType.Schema, 100)], T0)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Decide_ChecksInAnyOrder_SameDecision()
    {
        var a = QualityEvaluation.Decide(PassingChecks(), T0);
        var b = QualityEvaluation.Decide(PassingChecks().Reverse(), T0);

        Assert.Equal(a.Score, b.Score);
    }

    [Fact]
    public void Weights_Default_MatchArch004()
    {
        var w = QualityWeights.Default;

        Assert.Equal([0.30, 0.30, 0.25, 0.15], [w.Schema, w.Completeness, w.ConnectorHealth, w.SampleQueries]);
        Assert.Equal(0.25, w.For(QualityCheckType.ConnectorHealth));
    }

    [Theory]
    [InlineData(0.25, 0.25, 0.25, 0.2, "weights")]
    [InlineData(0.5, 0.5, 0.25, -0.25, "weights.sampleQueries")]
    [InlineData(1.5, -0.5, 0, 0, "weights.schema")]
    [InlineData(double.NaN, 0.5, 0.25, 0.25, "weights.schema")]
    public void WeightsCreate_Invalid_ThrowsNamingField(double s, double c, double h, double q, string field)
        => Assert.Equal(field, Assert.Throws<DomainValidationException>(() => QualityWeights.Create(s, c, h, q)).Field);

    [Fact]
    public void WeightsCreate_RecapEqualWeights_Accepted()
        => Assert.Equal(0.25, QualityWeights.Create(0.25, 0.25, 0.25, 0.25).Schema);

    [Fact]
    public void Thresholds_Default_MatchDecisionsTable()
    {
        var t = QualityThresholds.Default;

        Assert.Equal([100.0, 95, 100, 100, 95], [t.Schema, t.Completeness, t.ConnectorHealth, t.SampleQueries, t.Overall]);
    }

    [Theory]
    [InlineData(101, 95, 100, 100, 95, "thresholds.schema")]
    [InlineData(100, -1, 100, 100, 95, "thresholds.completeness")]
    [InlineData(100, 95, 100, 100, 100.5, "thresholds.overall")]
    public void ThresholdsCreate_OutOfRange_ThrowsNamingField(double s, double c, double h, double q, double o, string field)
        => Assert.Equal(field, Assert.Throws<DomainValidationException>(() => QualityThresholds.Create(s, c, h, q, o)).Field);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void CheckResult_ScoreOutOfRange_Throws(double score)
        => Assert.Throws<DomainValidationException>(() => new QualityCheckResult(QualityCheckType.Schema, score, 100, false));

    [Fact]
    public void ScoreCreate_ReadyWithFailedChecks_Throws()
        => Assert.Throws<DomainValidationException>(() => QualityScore.Create(100, 100, 100, 100, 100, [QualityCheckType.Schema], true, T0));

    [Fact]
    public void ScoreCreate_StoredValues_EqualToDecided()
    {
        var decided = QualityEvaluation.Decide(PassingChecks(), T0).Score;

        var restored = QualityScore.Create(100, 100, 100, 100, 100, [], true, T0);

        Assert.Equal(decided, restored);
        Assert.Equal(decided.GetHashCode(), restored.GetHashCode());
        Assert.Equal(100, restored.For(QualityCheckType.SampleQueries));
    }
}
