using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Serialization;
using DataOps.Functions.Validation;

namespace DataOps.Tests.Functions.Validation;

/// <summary>A check that does not apply travels through the orchestration JSON as such, not as a score of 100.</summary>
public sealed class QualityCheckMappingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static QualityCheckOutcome[] ProductionOutcomes(double queries) =>
    [
        QualityCheckMapping.NotApplicable(QualityCheckType.Schema, "stage production has no template schema"),
        QualityCheckMapping.NotApplicable(QualityCheckType.Completeness, "stage production is not populated by the product"),
        QualityCheckMapping.ToOutcome(new QualityCheckResult(QualityCheckType.ConnectorHealth, 100, 100, true)),
        QualityCheckMapping.ToOutcome(new QualityCheckResult(QualityCheckType.SampleQueries, queries, 100, queries >= 100)),
    ];

    [Fact]
    public void NotApplicable_OnTheWire_HasNoScoreAndSaysNotApplicable()
    {
        var json = JsonSerializer.Serialize(QualityCheckMapping.NotApplicable(QualityCheckType.Schema, "stage production has no template schema"), DomainJson.Options);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("score").ValueKind);
        Assert.True(document.RootElement.GetProperty("notApplicable").GetBoolean());
        Assert.Equal("stage production has no template schema", document.RootElement.GetProperty("details").GetProperty("notApplicable").GetString());
    }

    [Fact]
    public void ScoredOutcome_OnTheWire_RoundTripsAsApplicable()
    {
        var outcome = QualityCheckMapping.ToOutcome(new QualityCheckResult(QualityCheckType.Completeness, 96.123456, 95, true));

        var back = JsonSerializer.Deserialize<QualityCheckOutcome>(JsonSerializer.Serialize(outcome, DomainJson.Options), DomainJson.Options)!;

        Assert.Equal(96.1235, back.Score);
        Assert.False(back.NotApplicable);
        Assert.True(QualityCheckMapping.ToResult(back).IsApplicable);
    }

    [Fact]
    public void Decide_ProductionOutcomes_ScoreIsOverHealthAndQueriesOnly()
    {
        // Health 100 and queries 90 weigh 0.25 and 0.15: (25 + 13.5) / 0.40 = 96.25. Counting schema and completeness
        // as 100 would have given 98.5.
        var decision = QualityEvaluation.Decide(ProductionOutcomes(90).Select(QualityCheckMapping.ToResult), T0);

        Assert.Equal(96.25, decision.Score.Overall);
        Assert.Equal([QualityCheckType.SampleQueries], decision.Score.FailedChecks);
        Assert.EndsWith("not applicable: schema, completeness", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToResult_OutcomeWrittenBeforeTheFlag_ReadsAsNotApplicable()
    {
        // What an in-flight orchestration or the quality history holds from before: a stand-in score of 100 and the reason.
        const string stored = """{"checkType":"schema","score":100,"threshold":100,"passed":true,"errors":[],"warnings":[],"details":{"notApplicable":"stage production has no template schema"}}""";

        var outcome = JsonSerializer.Deserialize<QualityCheckOutcome>(stored, DomainJson.Options)!;
        var result = QualityCheckMapping.ToResult(outcome);

        Assert.True(QualityCheckMapping.IsNotApplicable(outcome));
        Assert.False(result.IsApplicable);
        Assert.Equal("stage production has no template schema", result.Details[QualityCheckResult.NotApplicableDetail]);
    }
}
