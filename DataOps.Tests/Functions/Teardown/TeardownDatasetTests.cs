using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Teardown;

public sealed class TeardownDatasetTests
{
    [Fact]
    public async Task RunAsync_Allowed_ArchivesDisconnectsWaitsTheGracePeriodThenDeletes()
    {
        var ctx = Allowing();

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcome.Archived, result.Outcome);
        Assert.Equal(
            [nameof(BeginTeardown), nameof(PauseConnector), nameof(ArchiveDataset), nameof(DisconnectConnector), nameof(StartGracePeriod), "timer", nameof(DeleteConnector), nameof(DeleteStagedCopy), nameof(CompleteTeardown)],
            ctx.CallNames);
        Assert.Equal(OrchestrationContextMock.Now.AddHours(24), ctx.Calls.Single(c => c.Name == "timer").Input);
        var complete = Assert.IsType<CompleteTeardownInput>(ctx.Calls.Last().Input);
        Assert.Equal("dataset-archives/acme/sandbox/confluence_pages/ds-1/", complete.ArchiveLocation);
    }

    [Fact]
    public async Task RunAsync_ArchiveTime_ComesFromTheOrchestrationClock()
    {
        var ctx = Allowing();

        await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.Manual, true, TimeSpan.FromMinutes(1)));

        var archive = Assert.IsType<ArchiveDatasetInput>(ctx.Calls.Single(c => c.Name == nameof(ArchiveDataset)).Input);
        Assert.Equal(new DateTimeOffset(OrchestrationContextMock.Now), archive.ArchivedAt);
    }

    [Fact]
    public async Task RunAsync_SafetyRuleRefuses_StopsBeforeTouchingAnything()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(BeginTeardown), _ => new TeardownStart(false, "journey active in sandbox"));

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.Manual, false, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcome.Refused, result.Outcome);
        Assert.Equal("journey active in sandbox", result.Refusal);
        Assert.Equal([nameof(BeginTeardown)], ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_StartedByAnotherOrchestration_SendsItTheResult()
    {
        var ctx = Allowing();

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24), Caller: "transition:j-1"));

        ctx.Mock.Verify(c => c.SendEvent("transition:j-1", LifecycleWorkflows.TeardownCompletedEvent(DatasetId.Create("ds-1")), result), Times.Once);
    }

    [Fact]
    public async Task RunAsync_StartedFromOutside_SendsNoEvent()
    {
        var ctx = Allowing();

        await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.Manual, true, TimeSpan.FromHours(24)));

        ctx.Mock.Verify(c => c.SendEvent(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_ActivityFailsForGood_TellsTheCallerItFailedAndFails()
    {
        var ctx = Allowing();
        ctx.FailingActivity<ArchiveSummary>(nameof(ArchiveDataset), "blob storage refused");

        await Assert.ThrowsAsync<TaskFailedException>(() => new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24), Caller: "transition:j-1")));

        ctx.Mock.Verify(c => c.SendEvent(
            "transition:j-1",
            LifecycleWorkflows.TeardownCompletedEvent(DatasetId.Create("ds-1")),
            It.Is<TeardownDatasetResult>(r => r.Outcome == WorkflowOutcome.Failed && r.Refusal == "ArchiveDataset failed: blob storage refused")), Times.Once);
    }

    [Fact]
    public async Task RunAsync_ExtendedInTheGracePeriod_WaitsUntilTheNewEndThenDeletes()
    {
        var ctx = Allowing();
        ctx.TeardownControls(new TeardownControl(TeardownControlAction.Extend, "client asked for a week", TimeSpan.FromHours(48)));

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcome.Archived, result.Outcome);
        Assert.Equal(
            [nameof(BeginTeardown), nameof(PauseConnector), nameof(ArchiveDataset), nameof(DisconnectConnector), nameof(StartGracePeriod), "timer", nameof(StartGracePeriod), "timer", nameof(DeleteConnector), nameof(DeleteStagedCopy), nameof(CompleteTeardown)],
            ctx.CallNames);
        var extension = Assert.IsType<GracePeriodInput>(ctx.Calls.Where(c => c.Name == nameof(StartGracePeriod)).Last().Input);
        Assert.Equal(new DateTimeOffset(OrchestrationContextMock.Now.AddHours(72)), extension.DeleteAfter);
        Assert.Equal("client asked for a week", extension.Reason);
        Assert.Equal(OrchestrationContextMock.Now.AddHours(72), ctx.Calls.Where(c => c.Name == "timer").Last().Input);
    }

    [Fact]
    public async Task RunAsync_CancelledInTheGracePeriod_RestoresTheDatasetAndNeverDeletes()
    {
        var ctx = Allowing();
        ctx.TeardownControls(new TeardownControl(TeardownControlAction.Cancel, "torn down by mistake"));
        ctx.SubOrchestration(nameof(RestoreDataset), _ => new ValidationResult(DatasetId.Create("ds-1"), WorkflowOutcome.Ready, 100, [], "ready"));

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24), Caller: "transition:j-1"));

        Assert.Equal(WorkflowOutcome.Cancelled, result.Outcome);
        Assert.DoesNotContain(nameof(DeleteConnector), ctx.CallNames);
        Assert.DoesNotContain(nameof(DeleteStagedCopy), ctx.CallNames);
        Assert.DoesNotContain(nameof(CompleteTeardown), ctx.CallNames);
        var restore = Assert.IsType<RestoreDatasetInput>(ctx.Calls.Single(c => c.Name.StartsWith(nameof(RestoreDataset) + "@restore:ds-1:", StringComparison.Ordinal)).Input);
        Assert.Equal("torn down by mistake", restore.Reason);
        ctx.Mock.Verify(c => c.SendEvent("transition:j-1", LifecycleWorkflows.TeardownCompletedEvent(DatasetId.Create("ds-1")), result), Times.Once);
    }

    [Fact]
    public async Task RunAsync_CancelRefused_KeepsWaitingAndFinishesTheTeardown()
    {
        var ctx = Allowing();
        ctx.TeardownControls(new TeardownControl(TeardownControlAction.Cancel, "too late"));
        ctx.SubOrchestration(nameof(RestoreDataset), _ => new ValidationResult(DatasetId.Create("ds-1"), WorkflowOutcome.Refused, 0, [], "slot taken"));

        var result = await new TeardownDataset().RunAsync(ctx.Object, new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.Manual, true, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcome.Archived, result.Outcome);
        Assert.Equal(nameof(CompleteTeardown), ctx.CallNames.Last());
    }

    private static OrchestrationContextMock Allowing()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(BeginTeardown), _ => new TeardownStart(true, null));
        ctx.Activity(nameof(ArchiveDataset), _ => new ArchiveSummary("dataset-archives/acme/sandbox/confluence_pages/ds-1/", 1234));
        return ctx;
    }
}
