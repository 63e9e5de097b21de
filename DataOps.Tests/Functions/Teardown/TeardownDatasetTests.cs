using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
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
            [nameof(BeginTeardown), nameof(PauseConnector), nameof(ArchiveDataset), nameof(DisconnectConnector), "timer", nameof(DeleteConnector), nameof(CompleteTeardown)],
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

    private static OrchestrationContextMock Allowing()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(BeginTeardown), _ => new TeardownStart(true, null));
        ctx.Activity(nameof(ArchiveDataset), _ => new ArchiveSummary("dataset-archives/acme/sandbox/confluence_pages/ds-1/", 1234));
        return ctx;
    }
}
