using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Functions.Activities;
using DataOps.Functions.Orchestrations;
using DataOps.Functions.Workflows;
using Moq;

namespace DataOps.Tests.Orchestrations;

public sealed class FanOutOrchestrationTests
{
    [Fact]
    public async Task ProvisionJourneyDatasets_TwoTypes_StartsOneProvisionPerTypeWithStableInstanceIds()
    {
        var ctx = new OrchestrationContextMock("provision:j-1:sandbox");
        ctx.SubOrchestration(nameof(ProvisionDataset), i => new ProvisionDatasetResult(((ProvisionDatasetInput)i!).DatasetId, ((ProvisionDatasetInput)i).DatasetType, WorkflowOutcomes.Ready, 99, null));
        var input = new ProvisionJourneyInput("j-1", "acme", "ACME", "healthcare", "clinical_workflows", "sandbox", ["confluence_pages", "github_repos"], "se@example.com");

        var result = await new ProvisionJourneyDatasets().RunAsync(ctx.Object, input);

        Assert.Equal(["ProvisionDataset@provision:j-1:sandbox:confluence_pages", "ProvisionDataset@provision:j-1:sandbox:github_repos"], ctx.CallNames);
        Assert.Equal(2, result.Datasets.Count);
        Assert.All(result.Datasets, d => Assert.Equal(WorkflowOutcomes.Ready, d.Outcome));
        Assert.NotEqual(result.Datasets[0].DatasetId, result.Datasets[1].DatasetId);
    }

    [Fact]
    public async Task StageTransition_LeavingSandbox_UpdatesTheJourneyThenTearsDownEachSandboxDataset()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1", "ds-2"]);
        ctx.SubOrchestration(nameof(TeardownDataset), i => new TeardownDatasetResult(((TeardownDatasetInput)i!).DatasetId, WorkflowOutcomes.Archived, "x", null));
        var input = new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24));

        var results = await new StageTransition().RunAsync(ctx.Object, input);

        Assert.Equal([nameof(UpdateJourneyProjection), nameof(ProvisioningInProgress), nameof(ListJourneyDatasets), "TeardownDataset@teardown:ds-1", "TeardownDataset@teardown:ds-2"], ctx.CallNames);
        var query = Assert.IsType<JourneyDatasetsQuery>(ctx.Calls[2].Input);
        Assert.Equal("sandbox", query.Stage);
        Assert.All(ctx.Calls.Skip(3), c => Assert.Equal("stage_transition", ((TeardownDatasetInput)c.Input!).Reason));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task StageTransition_StageStillProvisioning_WaitsOnDurableTimersThenTearsDownEverything()
    {
        var ctx = new OrchestrationContextMock();
        var polls = 0;
        ctx.Activity(nameof(ProvisioningInProgress), _ => ++polls < 3);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.SubOrchestration(nameof(TeardownDataset), i => new TeardownDatasetResult("ds-1", WorkflowOutcomes.Archived, "x", null));

        await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal(
            [nameof(UpdateJourneyProjection), nameof(ProvisioningInProgress), "timer", nameof(ProvisioningInProgress), "timer", nameof(ProvisioningInProgress), nameof(ListJourneyDatasets), "TeardownDataset@teardown:ds-1"],
            ctx.CallNames);
        Assert.Equal(OrchestrationContextMock.Now + StageTransition.ProvisioningPollInterval, ctx.Calls[2].Input);
    }

    [Fact]
    public async Task StageTransition_TeardownAlreadyRunElsewhere_ReportsAlreadyTearingDownInsteadOfFailing()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1", "ds-2"]);
        ctx.Mock.Setup(c => c.CallSubOrchestratorAsync<TeardownDatasetResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((_, i, _) => ((TeardownDatasetInput)i!).DatasetId == "ds-1"
                ? Task.FromException<TeardownDatasetResult>(new TaskFailedException(
                    new TaskName(nameof(TeardownDataset)), 2, new TaskFailureDetails(typeof(OrchestrationAlreadyExistsException).FullName!, "already running")))
                : Task.FromResult(new TeardownDatasetResult("ds-2", WorkflowOutcomes.Archived, "x", null)));

        var results = await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal([WorkflowOutcomes.AlreadyTearingDown, WorkflowOutcomes.Archived], results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task StageTransition_TeardownFailsForAnotherReason_Fails()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.Mock.Setup(c => c.CallSubOrchestratorAsync<TeardownDatasetResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(Task.FromException<TeardownDatasetResult>(new TaskFailedException(
                new TaskName(nameof(TeardownDataset)), 2, new TaskFailureDetails(typeof(InvalidOperationException).FullName!, "boom"))));

        await Assert.ThrowsAsync<TaskFailedException>(() => new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24))));
    }

    [Fact]
    public async Task StageTransition_JourneyCompleted_TearsDownEveryStageWithJourneyCompletedReason()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.SubOrchestration(nameof(TeardownDataset), i => new TeardownDatasetResult("ds-1", WorkflowOutcomes.Archived, "x", null));

        await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", null, null, true, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Null(Assert.IsType<JourneyDatasetsQuery>(ctx.Calls[2].Input).Stage);
        Assert.Equal("journey_completed", ((TeardownDatasetInput)ctx.Calls[3].Input!).Reason);
    }

    [Fact]
    public async Task ConnectorHealthSweep_OneUnhealthy_RevertsAndRevalidatesOnlyThatOne()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<string>>(nameof(ListReadyDatasets), _ => ["ds-1", "ds-2", "ds-3"]);
        ctx.Activity(nameof(ProbeConnector), i => new ConnectorProbeResult((string)i!, (string)i! != "ds-2", (string)i! == "ds-2" ? ["indexed 0 of 500"] : []));
        ctx.SubOrchestration(nameof(ValidateDataset), i => new ValidationResult(((ValidateDatasetInput)i!).DatasetId, WorkflowOutcomes.Ready, 100, [], "ok"));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(2));

        Assert.Equal(3, result.Examined);
        Assert.Equal(["ds-2"], result.DatasetIds);
        var revert = Assert.IsType<RevertToValidatingInput>(ctx.Calls.Single(c => c.Name == nameof(RevertToValidating)).Input);
        Assert.Contains("indexed 0 of 500", revert.Reason, StringComparison.Ordinal);
        Assert.Contains("ValidateDataset@sweep-1:validate:ds-2", ctx.CallNames);
    }

    [Fact]
    public async Task OrphanScan_TwoOrphans_TearsEachDownAsOrphanCleanup()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(FindOrphans), _ => new ScanResult(5, ["ds-7", "ds-9"]));
        ctx.SubOrchestration(nameof(TeardownDataset), i => new TeardownDatasetResult(((TeardownDatasetInput)i!).DatasetId, WorkflowOutcomes.Archived, "x", null));

        var result = await new OrphanScan().RunAsync(ctx.Object, new OrphanScanInput(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24), TimeSpan.FromHours(24)));

        Assert.Equal(["ds-7", "ds-9"], result.DatasetIds);
        Assert.Equal(["TeardownDataset@teardown:ds-7", "TeardownDataset@teardown:ds-9"], ctx.CallNames.Skip(1));
        Assert.All(ctx.Calls.Skip(1), c => Assert.Equal("orphan_cleanup", ((TeardownDatasetInput)c.Input!).Reason));
    }
}
