using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Functions.Reports;
using DataOps.Tests.Domain;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Functions.Reports;

/// <summary>Each of the seeds' success metrics computed from known datasets over a window, with the counts behind it.</summary>
public sealed class SuccessMetricsCalculatorTests
{
    private static readonly DateTimeOffset From = Builders.T0;
    private static readonly DateTimeOffset To = Builders.T0.AddDays(10);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    /// <summary>The overview's entries of <paramref name="datasets"/>, which the calculator reads.</summary>
    private static OverviewEntry[] Entries(IEnumerable<DatasetSnapshot> datasets) => [.. datasets.Select(OverviewEntry.From)];

    [Fact]
    public void FirstAttemptSuccess_CountsFirstAttemptsThatEnded_InTheWindow()
    {
        DatasetSnapshot[] datasets =
        [
            Ready(Dataset("ready-first", From.AddHours(1)), From.AddHours(2)),
            Retried(Dataset("ready-on-second", From.AddHours(1))),
            Failed(Dataset("failed", From.AddHours(1))),
            Dataset("still-provisioning", From.AddHours(1)).ToSnapshot(),
            Archived(MadeReady(Dataset("archived-after-ready", From.AddHours(1)), From.AddHours(2)), From.AddDays(1), From.AddDays(2), From.AddDays(2)),
            Ready(Dataset("before-the-window", From.AddDays(-1)), From.AddHours(2)),
            FailedThenArchived(Dataset("failed-then-archived", From.AddHours(1))),
        ];

        var metric = SuccessMetricsCalculator.FirstAttemptSuccess(Entries(datasets), From, To);

        Assert.Equal("first_attempt_success_rate", metric.Name);
        Assert.Equal(40.0, metric.Value);
        Assert.Equal((">=", 98.0, false), (metric.Comparison, metric.Target, metric.Met));
        Assert.Equal(Counts(("registered", 6), ("succeeded_first_attempt", 2), ("failed_first_attempt", 3), ("first_attempt_running", 1)), metric.Counts);
    }

    [Theory]
    [InlineData(49, 1, 98.0, true)]
    [InlineData(48, 1, 98.0, false)]
    [InlineData(2448, 51, 98.0, false)]
    public void FirstAttemptSuccess_DecidesMetOnTheCounts_NotTheRoundedShare(int succeeded, int failed, double shown, bool met)
    {
        var datasets = Enumerable.Range(0, succeeded).Select(i => Ready(Dataset($"ok-{i}", From.AddHours(1)), From.AddHours(2)))
            .Concat(Enumerable.Range(0, failed).Select(i => Failed(Dataset($"ko-{i}", From.AddHours(1)))))
            .ToList();

        var metric = SuccessMetricsCalculator.FirstAttemptSuccess(Entries(datasets), From, To);

        Assert.Equal(shown, metric.Value);
        Assert.Equal(met, metric.Met);
    }

    [Fact]
    public void QualityDistribution_IsTheShareOfScoresCalculatedInTheWindow_ThatReach95()
    {
        DatasetSnapshot[] datasets =
        [
            Ready(Dataset("a", From), From.AddHours(1)),
            Ready(Dataset("b", From), From.AddDays(3)),
            FailedAt(Dataset("c", From), From.AddHours(1), Builders.FailingDecision(From.AddHours(1))),
            FailedAt(Dataset("d", From), From.AddHours(2), Decision(From.AddHours(2), completeness: 80)),
            Ready(Dataset("scored-before", From.AddDays(-2)), From.AddDays(-1)),
        ];

        var metric = SuccessMetricsCalculator.QualityDistribution(Entries(datasets), From, To);

        Assert.Equal(75.0, metric.Value);
        Assert.Equal((">=", 90.0, false), (metric.Comparison, metric.Target, metric.Met));
        Assert.Equal(Counts(("scored", 4), ("scoring_95_or_more", 3), ("scoring_below_95", 1)), metric.Counts);
    }

    [Fact]
    public void TeardownCompletion_CountsTeardownsArchivedWithin24HoursOfTheirGracePeriodsEnd()
    {
        var now = To;
        DatasetSnapshot[] datasets =
        [
            Archived(MadeReady(Dataset("on-time", From), From.AddHours(1)), From.AddDays(1), From.AddDays(2), From.AddDays(2).AddHours(1)),
            Archived(MadeReady(Dataset("late", From), From.AddHours(1)), From.AddDays(1), From.AddDays(2), From.AddDays(3).AddHours(1)),
            InGracePeriod(MadeReady(Dataset("overdue", From), From.AddHours(1)), From.AddDays(2), From.AddDays(3)),
            Teardown(MadeReady(Dataset("not-yet-due", From), From.AddHours(1)), From.AddDays(9.5)).ToSnapshot(),
            Archived(MadeReady(Dataset("before-the-window", From.AddDays(-5)), From.AddDays(-5).AddHours(1)), From.AddDays(-3), From.AddDays(-2), From.AddDays(-2)),
            Ready(Dataset("never-torn-down", From), From.AddHours(1)),
        ];

        var metric = SuccessMetricsCalculator.TeardownCompletion(Entries(datasets), From, To, now, Grace);

        Assert.Equal(33.3, metric.Value);
        Assert.Equal((">=", 100.0, false), (metric.Comparison, metric.Target, metric.Met));
        Assert.Equal(Counts(("started", 4), ("completed_on_time", 1), ("completed_late", 1), ("overdue", 1), ("not_yet_due", 1)), metric.Counts);
    }

    [Fact]
    public void TeardownCompletion_AllOnTime_MeetsTheTarget_AndNoneDue_HasNoFigure()
    {
        DatasetSnapshot[] onTime = [Archived(MadeReady(Dataset("t", From), From.AddHours(1)), From.AddDays(1), From.AddDays(2), From.AddDays(2).AddMinutes(1))];

        var met = SuccessMetricsCalculator.TeardownCompletion(Entries(onTime), From, To, To, Grace);
        var none = SuccessMetricsCalculator.TeardownCompletion(Entries([Teardown(MadeReady(Dataset("u", From), From.AddHours(1)), To.AddHours(-1)).ToSnapshot()]), From, To, To, Grace);

        Assert.Equal((100.0, true), (met.Value, met.Met));
        Assert.Equal((null, null), (none.Value, none.Met));
        Assert.Equal(1, none.Counts["not_yet_due"]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void ActiveOrphans_FewerThanFive_MeetsTheTarget(int orphans, bool met)
    {
        var metric = SuccessMetricsCalculator.ActiveOrphans(orphans, 40);

        Assert.Equal(("<", 5.0, met, (double?)orphans), (metric.Comparison, metric.Target, metric.Met, metric.Value));
        Assert.Equal(Counts(("active_orphans", orphans), ("examined", 40)), metric.Counts);
    }

    [Fact]
    public void Provisioning_TakesTheNearestRankMedianAnd95thPercentile_OfDatasetsReadyInTheWindow()
    {
        DatasetSnapshot[] datasets =
        [
            Ready(Dataset("fast", From), From.AddSeconds(60)),
            Ready(Dataset("middle", From), From.AddSeconds(120)),
            Ready(Dataset("slow", From), From.AddSeconds(600)),
            Ready(Dataset("ready-before", From.AddDays(-1)), From.AddDays(-1).AddSeconds(5000)),
            Dataset("not-ready", From).ToSnapshot(),
        ];

        var (p50, p95) = SuccessMetricsCalculator.Provisioning(Entries(datasets), From, To);

        Assert.Equal((120.0, null, null, null), (p50.Value, p50.Comparison, p50.Target, p50.Met));
        Assert.Equal((600.0, "<", 3600.0, true), (p95.Value, p95.Comparison, p95.Target, p95.Met));
        Assert.Equal(3, p95.Counts["provisioned"]);

        var (_, slow) = SuccessMetricsCalculator.Provisioning(Entries([.. datasets, Ready(Dataset("an-hour-and-more", From), From.AddSeconds(4000))]), From, To);
        Assert.Equal((4000.0, false), (slow.Value, slow.Met));
    }

    [Fact]
    public void Compute_ListsEveryMetricInTheSeedsOrder_AndAnEmptyEstateHasNoFigures()
    {
        var metrics = SuccessMetricsCalculator.Compute([], 0, From, To, To, Grace);

        Assert.Equal(
            ["first_attempt_success_rate", "quality_score_distribution", "teardown_completion_rate", "active_orphans", "provisioning_p50_seconds", "provisioning_p95_seconds"],
            metrics.Metrics.Select(m => m.Name));
        Assert.All(metrics.Metrics.Where(m => m.Name != "active_orphans"), m => Assert.Null(m.Value));
        Assert.Equal((From, To, To), (metrics.From, metrics.To, metrics.AsOf));
    }

    private static Dictionary<string, int> Counts(params (string Name, int Count)[] counts) => counts.ToDictionary(c => c.Name, c => c.Count, StringComparer.Ordinal);

    private static DatasetAggregate Dataset(string id, DateTimeOffset createdAt) => new DatasetBuilder().WithId(id).CreatedAt(createdAt).Build();


    private static QualityDecision Decision(DateTimeOffset at, double completeness)
        => QualityEvaluation.Decide(
            [
                Builders.Check(QualityCheckType.Schema, 100),
                Builders.Check(QualityCheckType.Completeness, completeness),
                Builders.Check(QualityCheckType.ConnectorHealth, 100),
                Builders.Check(QualityCheckType.SampleQueries, 100),
            ],
            at);

    private static DatasetSnapshot Ready(DatasetAggregate dataset, DateTimeOffset at) => MadeReady(dataset, at).ToSnapshot();

    private static DatasetAggregate MadeReady(DatasetAggregate dataset, DateTimeOffset at)
    {
        dataset.StartValidation(at.AddSeconds(-1));
        dataset.MarkReady(Builders.ReadyScore(at), at);
        return dataset;
    }

    private static DatasetSnapshot Failed(DatasetAggregate dataset)
    {
        dataset.MarkFailed("connector creation failed", [], dataset.CreatedAt.AddMinutes(5));
        return dataset.ToSnapshot();
    }

    private static DatasetSnapshot FailedAt(DatasetAggregate dataset, DateTimeOffset at, QualityDecision decision)
    {
        dataset.StartValidation(at.AddSeconds(-1));
        dataset.MarkFailed(decision, at);
        return dataset.ToSnapshot();
    }

    private static DatasetSnapshot Retried(DatasetAggregate dataset)
    {
        dataset.MarkFailed("connector creation failed", [], dataset.CreatedAt.AddMinutes(5));
        dataset.RetryProvisioning(dataset.CreatedAt.AddMinutes(10));
        return Ready(dataset, dataset.CreatedAt.AddMinutes(20));
    }

    private static DatasetSnapshot FailedThenArchived(DatasetAggregate dataset)
    {
        dataset.MarkFailed("connector creation failed", [], dataset.CreatedAt.AddMinutes(5));
        return Archived(dataset, dataset.CreatedAt.AddHours(1), dataset.CreatedAt.AddHours(25), dataset.CreatedAt.AddHours(25));
    }

    private static DatasetAggregate Teardown(DatasetAggregate dataset, DateTimeOffset startedAt)
    {
        dataset.StartTeardown(TeardownReason.Manual, startedAt);
        return dataset;
    }

    private static DatasetSnapshot InGracePeriod(DatasetAggregate dataset, DateTimeOffset startedAt, DateTimeOffset deleteAfter)
    {
        Teardown(dataset, startedAt).StartGracePeriod(deleteAfter, startedAt);
        return dataset.ToSnapshot();
    }

    private static DatasetSnapshot Archived(DatasetAggregate dataset, DateTimeOffset startedAt, DateTimeOffset deleteAfter, DateTimeOffset archivedAt)
    {
        Teardown(dataset, startedAt).StartGracePeriod(deleteAfter, startedAt);
        dataset.Archive("archives/x/", 1, archivedAt);
        return dataset.ToSnapshot();
    }
}
