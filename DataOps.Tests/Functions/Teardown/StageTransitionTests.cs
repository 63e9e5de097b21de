using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Teardown;

public sealed class StageTransitionTests
{
    [Fact]
    public async Task StageTransition_LeavingSandbox_UpdatesTheJourneyThenTearsDownEachSandboxDataset()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1"), DatasetId.Create("ds-2")]);
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcome.Archived, "x", null));
        var input = new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24));

        var results = await new StageTransition().RunAsync(ctx.Object, input);

        // Each teardown is started as its own instance, then its completion event is awaited (with a check-interval timer).
        Assert.Equal([nameof(UpdateJourneyProjection), nameof(ProvisioningInProgress), nameof(ListJourneyDatasets), "StartTeardown:ds-1", "timer", "StartTeardown:ds-2", "timer"], ctx.CallNames);
        var query = Assert.IsType<JourneyDatasetsQuery>(ctx.Calls[2].Input);
        Assert.Equal((Stage.Sandbox, input.OccurredAt), (query.Stage, query.OccurredAt));
        Assert.All(ctx.Calls.Where(c => c.Name.StartsWith("StartTeardown", StringComparison.Ordinal)), c =>
        {
            var teardown = (TeardownDatasetInput)c.Input!;
            Assert.Equal(TeardownReason.StageTransition, teardown.Reason);
            Assert.Equal("parent", teardown.Caller);
        });
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task StageTransition_StageStillProvisioning_WaitsOnDurableTimersThenTearsDownEverything()
    {
        var ctx = new OrchestrationContextMock();
        var polls = 0;
        ctx.Activity(nameof(ProvisioningInProgress), _ => ++polls < 3);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Teardowns(_ => new TeardownDatasetResult(DatasetId.Create("ds-1"), WorkflowOutcome.Archived, "x", null));

        await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal(
            [nameof(UpdateJourneyProjection), nameof(ProvisioningInProgress), "timer", nameof(ProvisioningInProgress), "timer", nameof(ProvisioningInProgress), nameof(ListJourneyDatasets), "StartTeardown:ds-1", "timer"],
            ctx.CallNames);
        Assert.Equal(OrchestrationContextMock.Now + StageTransition.ProvisioningPollInterval, ctx.Calls[2].Input);
    }

    [Fact]
    public async Task StageTransition_TeardownAlreadyRunElsewhere_ReportsAlreadyTearingDownInsteadOfFailing()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1"), DatasetId.Create("ds-2")]);
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcome.Archived, "x", null), alreadyRunning: "ds-1");

        var results = await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal([WorkflowOutcome.AlreadyTearingDown, WorkflowOutcome.Archived], results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task StageTransition_TeardownFailsForAnotherReason_Fails()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcome.Failed, null, "ArchiveDataset failed: boom"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24))));

        Assert.Contains("ArchiveDataset failed: boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageTransition_CompletionEventLost_LooksAtTheTeardownInstanceEveryCheckInterval()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Teardowns(_ => null);
        var looks = 0;
        ctx.Activity<TeardownDatasetResult?>(nameof(GetTeardownResult), _ => ++looks < 2 ? null : new TeardownDatasetResult(DatasetId.Create("ds-1"), WorkflowOutcome.Archived, "x", null));

        var results = await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcome.Archived, Assert.Single(results).Outcome);
        Assert.Equal(["StartTeardown:ds-1", "timer", nameof(GetTeardownResult), "timer", nameof(GetTeardownResult)], ctx.CallNames.Skip(3));
        Assert.Equal(OrchestrationContextMock.Now + LifecycleWorkflows.TeardownCompletionCheckInterval, ctx.Calls[4].Input);
        Assert.Equal("parent", ((TeardownDatasetInput)ctx.Calls[5].Input!).Caller);
    }

    [Fact]
    public async Task StageTransition_JourneyCompleted_TearsDownEveryStageWithJourneyCompletedReason()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Teardowns(_ => new TeardownDatasetResult(DatasetId.Create("ds-1"), WorkflowOutcome.Archived, "x", null));

        await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), null, null, true, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Null(Assert.IsType<JourneyDatasetsQuery>(ctx.Calls[2].Input).Stage);
        Assert.Equal(TeardownReason.JourneyCompleted, ((TeardownDatasetInput)ctx.Calls[3].Input!).Reason);
    }
}
