using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;

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
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcomes.Archived, "x", null));
        var input = new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24));

        var results = await new StageTransition().RunAsync(ctx.Object, input);

        // Each teardown is started as its own instance, then its completion event is awaited (with a check-interval timer).
        Assert.Equal([nameof(UpdateJourneyProjection), nameof(ProvisioningInProgress), nameof(ListJourneyDatasets), "StartTeardown:ds-1", "timer", "StartTeardown:ds-2", "timer"], ctx.CallNames);
        var query = Assert.IsType<JourneyDatasetsQuery>(ctx.Calls[2].Input);
        Assert.Equal("sandbox", query.Stage);
        Assert.All(ctx.Calls.Where(c => c.Name.StartsWith("StartTeardown", StringComparison.Ordinal)), c =>
        {
            var teardown = (TeardownDatasetInput)c.Input!;
            Assert.Equal("stage_transition", teardown.Reason);
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
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.Teardowns(_ => new TeardownDatasetResult("ds-1", WorkflowOutcomes.Archived, "x", null));

        await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

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
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1", "ds-2"]);
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcomes.Archived, "x", null), alreadyRunning: "ds-1");

        var results = await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal([WorkflowOutcomes.AlreadyTearingDown, WorkflowOutcomes.Archived], results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task StageTransition_TeardownFailsForAnotherReason_Fails()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcomes.Failed, null, "ArchiveDataset failed: boom"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24))));

        Assert.Contains("ArchiveDataset failed: boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageTransition_CompletionEventLost_LooksAtTheTeardownInstanceEveryCheckInterval()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.Teardowns(_ => null);
        var looks = 0;
        ctx.Activity<TeardownDatasetResult?>(nameof(GetTeardownResult), _ => ++looks < 2 ? null : new TeardownDatasetResult("ds-1", WorkflowOutcomes.Archived, "x", null));

        var results = await new StageTransition().RunAsync(ctx.Object, new JourneyTransitionInput("j-1", "acme", "sandbox", "pilot", false, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24)));

        Assert.Equal(WorkflowOutcomes.Archived, Assert.Single(results).Outcome);
        Assert.Equal(["StartTeardown:ds-1", "timer", nameof(GetTeardownResult), "timer", nameof(GetTeardownResult)], ctx.CallNames.Skip(3));
        Assert.Equal(OrchestrationContextMock.Now + LifecycleWorkflows.TeardownCompletionCheckInterval, ctx.Calls[4].Input);
        Assert.Equal("parent", ((TeardownDatasetInput)ctx.Calls[5].Input!).Caller);
    }

    [Fact]
    public async Task StageTransition_JourneyCompleted_TearsDownEveryStageWithJourneyCompletedReason()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(ProvisioningInProgress), _ => false);
        ctx.Activity<IReadOnlyList<string>>(nameof(ListJourneyDatasets), _ => ["ds-1"]);
        ctx.Teardowns(_ => new TeardownDatasetResult("ds-1", WorkflowOutcomes.Archived, "x", null));

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
        ctx.Teardowns(i => new TeardownDatasetResult(i.DatasetId, WorkflowOutcomes.Archived, "x", null));

        var result = await new OrphanScan().RunAsync(ctx.Object, new OrphanScanInput(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(24), TimeSpan.FromHours(24)));

        Assert.Equal(["ds-7", "ds-9"], result.DatasetIds);
        Assert.Equal(["StartTeardown:ds-7", "timer", "StartTeardown:ds-9", "timer"], ctx.CallNames.Skip(1));
        Assert.All(ctx.Calls.Skip(1).Where(c => c.Name != "timer"), c => Assert.Equal("orphan_cleanup", ((TeardownDatasetInput)c.Input!).Reason));
    }
}
