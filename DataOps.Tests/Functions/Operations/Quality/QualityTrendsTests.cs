using DataOps.Domain.Datasets;
using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;

namespace DataOps.Tests.Functions.Operations.Quality;

/// <summary>Trend figures from known validation runs.</summary>
public sealed class QualityTrendsTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 1);

    [Fact]
    public void Compute_FiguresEachDayAndTheWindow_FromTheRunsInIt()
    {
        QualityRun[] runs =
        [
            Run("ds-1", Day1, 9, 99, WorkflowOutcome.Ready),
            Run("ds-2", Day1, 10, 80, WorkflowOutcome.Failed, failed: QualityCheckType.Completeness),
            Run("ds-1", Day1.AddDays(2), 8, 96, WorkflowOutcome.Ready),
            Run("ds-3", Day1.AddDays(2), 9, null, WorkflowOutcome.Unchecked),
            Run("ds-1", Day1.AddDays(-1), 23, 10, WorkflowOutcome.Failed), // before the window
            Run("ds-1", Day1.AddDays(3), 0, 10, WorkflowOutcome.Failed), // after it
        ];

        var trend = QualityTrends.Compute(runs, Day1, Day1.AddDays(2), 95);

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], trend.Days.Select(d => d.Date));
        var first = trend.Days[0].Figures;
        Assert.Equal((2, 2, 2, 89.5, 80.0, 1, 0.5, 1, 0), (first.Runs, first.Datasets, first.Scored, first.MeanScore, first.MinScore, first.AtLeastReady, first.ReadyShare, first.Failed, first.Unchecked));
        Assert.Equal(1, first.FailedChecks["completeness"]);
        Assert.Equal(0, first.FailedChecks["schema"]);
        var empty = trend.Days[1].Figures;
        Assert.Equal((0, 0, null, null, null), (empty.Runs, empty.Scored, empty.MeanScore, empty.MinScore, empty.ReadyShare));
        var third = trend.Days[2].Figures;
        Assert.Equal((2, 2, 1, 96.0, 1, 1.0, 1), (third.Runs, third.Datasets, third.Scored, third.MeanScore, third.AtLeastReady, third.ReadyShare, third.Unchecked));
        var total = trend.Total;
        Assert.Equal((4, 3, 3, 91.67, 80.0, 2, 0.6667, 1, 1), (total.Runs, total.Datasets, total.Scored, total.MeanScore, total.MinScore, total.AtLeastReady, total.ReadyShare, total.Failed, total.Unchecked));
    }

    [Fact]
    public void Compute_AScoreExactlyAtTheThreshold_CountsAsReady()
    {
        var trend = QualityTrends.Compute([Run("ds-1", Day1, 9, 95, WorkflowOutcome.Ready)], Day1, Day1, 95);

        Assert.Equal(1, trend.Total.AtLeastReady);
    }

    [Fact]
    public void Compute_AWindowEndingBeforeItStarts_IsRefused()
        => Assert.Throws<ArgumentException>(() => QualityTrends.Compute([], Day1, Day1.AddDays(-1), 95));

    internal static QualityRun Run(string dataset, DateOnly day, int hour, double? score, WorkflowOutcome outcome, string client = "acme", QualityCheckType? failed = null, string? template = "t-1")
        => new(
            DatasetId.Create(dataset),
            new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero),
            score,
            outcome,
            ValidationTrigger.Manual,
            ClientId.Create(client),
            Stage.Sandbox,
            DatasetType.ConfluencePages,
            template,
            "1.0.0",
            score is null ? [] : [.. Enum.GetValues<QualityCheckType>().Select(t => new QualityCheckOutcome(t, score, 95, t != failed, [], [], new Dictionary<string, string>()))]);
}
