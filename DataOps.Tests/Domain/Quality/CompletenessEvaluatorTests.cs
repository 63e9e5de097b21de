using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Quality;

public sealed class CompletenessEvaluatorTests
{
    private static readonly TemplateSchema Schema = new(
        [
            new FieldDefinition("id", FieldType.String, true),
            new FieldDefinition("title", FieldType.String, true),
            new FieldDefinition("thread_id", FieldType.String, false),
        ],
        []);

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Records(int count, int missingTitles = 0)
        => Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, object?>)Record(("id", $"r{i}"), ("title", i < missingTitles ? null : "t")));

    [Fact]
    public void Evaluate_FullCountAllFilled_Scores100()
    {
        var result = CompletenessEvaluator.Evaluate(Records(100), Schema, 100);

        Assert.Equal(QualityCheckType.Completeness, result.Type);
        Assert.Equal(100, result.Score);
        Assert.Equal(95, result.Threshold);
        Assert.True(result.Passed);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Evaluate_CountExactly95Percent_PassesAtThreshold()
    {
        var result = CompletenessEvaluator.Evaluate(Records(475), Schema, 500);

        Assert.Equal(95, result.Score);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Evaluate_CountJustBelow95Percent_Fails()
    {
        var result = CompletenessEvaluator.Evaluate(Records(474), Schema, 500);

        Assert.Equal(94.8, result.Score!.Value, 6);
        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.Contains("record count 474 is below 95 % of the expected 500", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_MoreRecordsThanExpected_CappedAt100()
        => Assert.Equal(100, CompletenessEvaluator.Evaluate(Records(600), Schema, 500).Score);

    [Fact]
    public void Evaluate_TenPercentOfTitlesMissing_Scores95FieldShare()
    {
        var result = CompletenessEvaluator.Evaluate(Records(100, missingTitles: 10), Schema, 100);

        Assert.Equal(95, result.Score);
        Assert.True(result.Passed);
        Assert.Contains(result.Warnings, w => w.Contains("'title' is missing or empty in 10 record(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_TooManyFieldsMissing_FailsNamingField()
    {
        var result = CompletenessEvaluator.Evaluate(Records(100, missingTitles: 20), Schema, 100);

        Assert.Equal(90, result.Score);
        Assert.False(result.Passed);
        Assert.Contains(result.Errors, e => e.Contains("only 90 % of required field values", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'title' is missing or empty in 20 record(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OptionalFieldsMissing_DoNotCount()
        => Assert.Equal(100, CompletenessEvaluator.Evaluate(Records(10), Schema, 10).Score);

    [Fact]
    public void Evaluate_EmptyDatasetWithExpectation_ScoresZero()
    {
        var result = CompletenessEvaluator.Evaluate([], Schema, 500);

        Assert.Equal(0, result.Score);
        Assert.False(result.Passed);
        Assert.Contains("the dataset has no records (expected 500)", result.Errors);
    }

    [Fact]
    public void Evaluate_NothingExpectedNothingThere_Scores100()
        => Assert.Equal(100, CompletenessEvaluator.Evaluate([], Schema, 0).Score);

    [Fact]
    public void Evaluate_NegativeExpected_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => CompletenessEvaluator.Evaluate([], Schema, -1));

    [Fact]
    public void Evaluate_BothShortfalls_ScoreIsTheLower()
    {
        var result = CompletenessEvaluator.Evaluate(Records(90, missingTitles: 9), Schema, 100);

        Assert.Equal(90, result.Score);
        Assert.Equal("95", result.Details["requiredFieldPercent"]);
        Assert.Equal("90", result.Details["recordCountPercent"]);
    }

    [Fact]
    public void Evaluate_GleanHoldsFewerDocumentsThanPushed_CountsOnlyWhatGleanHolds()
    {
        var result = CompletenessEvaluator.Evaluate(Records(100), Schema, 100, documentsInGlean: 80);

        Assert.Equal(80, result.Score);
        Assert.False(result.Passed);
        Assert.Contains("Glean holds 80 documents of the 100 records pushed", result.Errors);
        Assert.Equal("80", result.Details["documentsInGlean"]);
    }

    [Fact]
    public void Evaluate_GleanHoldsEveryRecord_ScoresAsWithoutTheCount()
    {
        var without = CompletenessEvaluator.Evaluate(Records(100, missingTitles: 2), Schema, 100);
        var with = CompletenessEvaluator.Evaluate(Records(100, missingTitles: 2), Schema, 100, documentsInGlean: 100);

        Assert.Equal(without.Score, with.Score);
        Assert.Equal(without.Passed, with.Passed);
        Assert.Equal(without.Errors, with.Errors);
        Assert.Equal(without.Warnings, with.Warnings);
    }

    [Fact]
    public async Task EvaluateAsync_SameRecords_GivesTheResultOfEvaluate()
    {
        var expected = CompletenessEvaluator.Evaluate(Records(90, missingTitles: 3), Schema, 100);

        var actual = await CompletenessEvaluator.EvaluateAsync(Records(90, missingTitles: 3).ToAsyncEnumerable(), Schema, 100, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Passed, actual.Passed);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(expected.Details, actual.Details);
    }
}
