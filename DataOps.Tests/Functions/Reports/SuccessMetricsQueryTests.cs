using DataOps.Functions.Reports;
using DataOps.Functions.Workflows;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Functions.Reports;

/// <summary>The metrics over the estate <see cref="ReportsEstate"/> prepares, read from storage with the clock at its "now".</summary>
public sealed class SuccessMetricsQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadAsync_OverTheLast30Days_GivesEachFigureWithItsCounts()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);
        var query = new SuccessMetricsQuery(estate.Estate, estate.Time, Options.Create(new WorkflowOptions()));
        var now = ReportsEstate.Now;

        var result = await query.ReadAsync(now - SuccessMetricsQuery.DefaultWindow, now, TestContext.Current.CancellationToken);

        var metrics = result.Metrics.ToDictionary(m => m.Name);
        Assert.Equal(now, result.AsOf);
        Assert.Equal((83.3, false), (metrics["first_attempt_success_rate"].Value, metrics["first_attempt_success_rate"].Met));
        Assert.Equal(5, metrics["first_attempt_success_rate"].Counts["succeeded_first_attempt"]);
        Assert.Equal(1, metrics["first_attempt_success_rate"].Counts["failed_first_attempt"]);
        Assert.Equal(1, metrics["first_attempt_success_rate"].Counts["first_attempt_running"]);
        Assert.Equal((100.0, true, 6), (metrics["quality_score_distribution"].Value, metrics["quality_score_distribution"].Met, metrics["quality_score_distribution"].Counts["scored"]));
        Assert.Equal((100.0, true), (metrics["teardown_completion_rate"].Value, metrics["teardown_completion_rate"].Met));
        Assert.Equal((2, 1, 1), (metrics["teardown_completion_rate"].Counts["started"], metrics["teardown_completion_rate"].Counts["completed_on_time"], metrics["teardown_completion_rate"].Counts["not_yet_due"]));
        Assert.Equal((2.0, true, 6), (metrics["active_orphans"].Value, metrics["active_orphans"].Met, metrics["active_orphans"].Counts["examined"]));
        Assert.Equal(600.0, metrics["provisioning_p50_seconds"].Value);
        Assert.Equal((2400.0, true, 5), (metrics["provisioning_p95_seconds"].Value, metrics["provisioning_p95_seconds"].Met, metrics["provisioning_p95_seconds"].Counts["provisioned"]));
    }

    [Fact]
    public async Task ReadAsync_ReadsTheOverviewProjection_KeptByTheRegistrysWrites_NotTheRegistry()
    {
        var ct = TestContext.Current.CancellationToken;
        var estate = await ReportsEstate.PrepareAsync(azurite);
        var now = ReportsEstate.Now;
        var first = await new SuccessMetricsQuery(estate.Estate, estate.Time, Options.Create(new WorkflowOptions())).ReadAsync(now - SuccessMetricsQuery.DefaultWindow, now, ct);

        // A save after the projection is built moves the figures: initech's young READY dataset is torn down.
        var n1 = (await estate.Harness.Registry.GetAsync(DataOps.Domain.Datasets.DatasetId.Create("n1"), ct))!;
        n1.Dataset.StartTeardown(DataOps.Domain.Datasets.TeardownReason.Manual, now.AddMinutes(-5));
        await estate.Harness.Registry.SaveAsync(n1, ct);
        var registry = new Moq.Mock<DataOps.Functions.Registry.IDatasetRegistry>(Moq.MockBehavior.Strict);
        var projected = new EstateReader(registry.Object, estate.Connectors, estate.Journeys, new DataOps.Functions.Registry.OverviewProjection(estate.Harness.Tables));

        var second = await new SuccessMetricsQuery(projected, estate.Time, Options.Create(new WorkflowOptions())).ReadAsync(now - SuccessMetricsQuery.DefaultWindow, now, ct);

        var (before, after) = (first.Metrics.Single(m => m.Name == "first_attempt_success_rate"), second.Metrics.Single(m => m.Name == "first_attempt_success_rate"));
        Assert.Equal(before.Value, after.Value);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(first.Metrics.Single(m => m.Name == "active_orphans").Value, second.Metrics.Single(m => m.Name == "active_orphans").Value);
        var teardowns = second.Metrics.Single(m => m.Name == "teardown_completion_rate").Counts;
        Assert.Equal(first.Metrics.Single(m => m.Name == "teardown_completion_rate").Counts["started"] + 1, teardowns["started"]);
    }

    [Fact]
    public async Task ReadAsync_AWindowBeforeAnythingHappened_HasNoFiguresButTheOrphansNow()
    {
        var estate = await ReportsEstate.PrepareAsync(azurite);
        var query = new SuccessMetricsQuery(estate.Estate, estate.Time, Options.Create(new WorkflowOptions()));

        var result = await query.ReadAsync(ReportsEstate.Now.AddDays(-60), ReportsEstate.Now.AddDays(-30), TestContext.Current.CancellationToken);

        Assert.All(result.Metrics.Where(m => m.Name != "active_orphans"), m => Assert.Equal((null, null), (m.Value, m.Met)));
        Assert.Equal(2.0, result.Metrics.Single(m => m.Name == "active_orphans").Value);
    }
}
