using System.Text.Json;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Quality;

public sealed class QualityScoreTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Create_NullScores_AreTheChecksThatDidNotApply()
    {
        var score = QualityScore.Create(null, null, 100, 100, 100, [], true, T0);

        Assert.Equal([QualityCheckType.Schema, QualityCheckType.Completeness], score.NotApplicableChecks);
        Assert.Null(score.For(QualityCheckType.Schema));
        Assert.Equal(100, score.For(QualityCheckType.SampleQueries));
    }

    [Fact]
    public void Create_NoCheckApplies_Throws()
        => Assert.Equal("qualityScore", Assert.Throws<DomainValidationException>(() => QualityScore.Create(null, null, null, null, 100, [], false, T0)).Field);

    [Fact]
    public void Create_FailedCheckThatDidNotApply_Throws()
    {
        var ex = Assert.Throws<DomainValidationException>(() => QualityScore.Create(null, null, 100, 0, 62.5, [QualityCheckType.Schema], false, T0));

        Assert.Equal("qualityScore.failedChecks", ex.Field);
        Assert.Contains("schema", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WrittenBeforeChecksCouldBeNotApplicable_LoadsWithEveryCheckApplying()
    {
        const string stored = """{"schema":100,"completeness":96,"connectorHealth":100,"sampleQueries":100,"overall":98.8,"failedChecks":[],"meetsReadyRule":true,"calculatedAt":"2026-03-01T09:00:00+00:00"}""";

        var score = JsonSerializer.Deserialize<QualityScore>(stored, Options)!;

        Assert.Equal(QualityEvaluation.Decide([Check(QualityCheckType.Schema, 100), Check(QualityCheckType.Completeness, 96), Check(QualityCheckType.ConnectorHealth, 100), Check(QualityCheckType.SampleQueries, 100)], T0).Score, score);
        Assert.Empty(score.NotApplicableChecks);
    }

    [Fact]
    public void Json_ProductionScore_RoundTripsItsNotApplicableChecks()
    {
        var decided = QualityEvaluation.Decide(
            [
                QualityCheckResult.NotApplicable(QualityCheckType.Schema, "no records of ours"),
                QualityCheckResult.NotApplicable(QualityCheckType.Completeness, "no records of ours"),
                Check(QualityCheckType.ConnectorHealth, 100),
                Check(QualityCheckType.SampleQueries, 100),
            ],
            T0).Score;

        var json = JsonSerializer.Serialize(decided, Options);
        var restored = JsonSerializer.Deserialize<QualityScore>(json, Options)!;

        Assert.Contains("\"schema\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("notApplicableChecks", json, StringComparison.Ordinal);
        Assert.Equal(decided, restored);
        Assert.Equal([QualityCheckType.Schema, QualityCheckType.Completeness], restored.NotApplicableChecks);
    }
}
