using DataOps.Functions.Operations;
using DataOps.Functions.Operations.Queries;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using DurableTask.Core;
using DurableTask.Core.History;

namespace DataOps.Tests.Functions.Operations;

/// <summary>The pure parts of the operations API: history projection, teardown progress, percentiles, dataset matching.</summary>
public sealed class OperationsViewsTests
{
    private static readonly DateTime At = new(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Project_LeavesOutReplayMarkers_AndNamesWhatEachCompletionCompletes()
    {
        HistoryEvent[] history =
        [
            new OrchestratorStartedEvent(-1) { Timestamp = At },
            new ExecutionStartedEvent(-1, "{}") { Name = "TeardownDataset", Timestamp = At },
            new TaskScheduledEvent(0) { Name = "ArchiveDataset", Timestamp = At },
            new OrchestratorCompletedEvent(-1) { Timestamp = At },
            new TaskCompletedEvent(-1, 0, "{}") { Timestamp = At.AddSeconds(1) },
            new TaskScheduledEvent(1) { Name = "DisconnectConnector", Timestamp = At.AddSeconds(1) },
            new TaskFailedEvent(-1, 1, "boom", null, new FailureDetails("IOException", "disk full", null, null, false)) { Timestamp = At.AddSeconds(2) },
            new TimerCreatedEvent(2) { FireAt = At.AddHours(24), Timestamp = At.AddSeconds(3) },
            new ExecutionTerminatedEvent(-1, "\"stop\"") { Timestamp = At.AddSeconds(4) },
        ];

        var views = InstanceViews.Project(history);

        Assert.Equal(
            ["ExecutionStarted", "TaskScheduled", "TaskCompleted", "TaskScheduled", "TaskFailed", "TimerCreated", "ExecutionTerminated"],
            views.Select(v => v.EventType).ToArray());
        Assert.Equal("ArchiveDataset", views[2].Name);
        Assert.Equal("DisconnectConnector", views[4].Name);
        Assert.Equal("disk full", views[4].Detail);
        Assert.Equal("fires at 2026-12-06T08:00:00.0000000Z", views[5].Detail);
        Assert.Equal(TimeSpan.Zero, views[0].Timestamp.Offset);
    }

    [Theory]
    [InlineData("{\"phase\":\"grace_period\",\"deleteAt\":\"2026-12-06T08:00:00Z\"}", "grace_period", true)]
    [InlineData("{\"phase\":\"archiving\"}", "archiving", false)]
    [InlineData("\"plain text\"", null, false)]
    [InlineData("not json", null, false)]
    [InlineData(null, null, false)]
    public void TeardownProgress_ReadsPhaseAndDeleteTime_FromTheCustomStatus(string? status, string? phase, bool hasDeleteAt)
    {
        var progress = TeardownProgress.Read(status);

        Assert.Equal(phase, progress.Phase);
        Assert.Equal(hasDeleteAt, progress.DeleteAt is not null);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("archiving", true)]
    [InlineData("grace_period", true)]
    [InlineData("deleting", false)]
    [InlineData("archived", false)]
    public void ATeardown_CanBeStopped_UntilItStartsDeleting(string? phase, bool canStop)
    {
        Assert.Equal(canStop, new TeardownProgress(phase, null).CanStop);
    }

    [Fact]
    public void Percentile_IsNearestRank_AndNullForNoValues()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, OperationsSummaryQuery.Percentile(sorted, 0.5));
        Assert.Equal(10, OperationsSummaryQuery.Percentile(sorted, 0.95));
        Assert.Equal(7, OperationsSummaryQuery.Percentile([7], 0.95));
        Assert.Null(OperationsSummaryQuery.Percentile([], 0.5));
    }

    [Theory]
    [InlineData("{\"datasetId\":\"d-1\",\"reason\":\"x\"}", true)]
    [InlineData("{\"DatasetId\":\"d-1\"}", true)]
    [InlineData("{\"datasetId\":\"d-10\"}", false)]
    [InlineData("{\"datasetId\":1}", false)]
    [InlineData("\"d-1\"", false)]
    [InlineData("{broken", false)]
    [InlineData(null, false)]
    public void NamesDataset_MatchesOnlyAnInputWhoseDatasetIdIsTheDataset(string? input, bool expected)
    {
        Assert.Equal(expected, LifecycleWorkflows.NamesDataset(input, "d-1"));
    }
}
