using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Watch;

public sealed class ConnectorSyncTests
{
    private static readonly DatasetId Pilot = DatasetId.Create("ds-pilot");
    private static readonly DatasetId Unchanged = DatasetId.Create("ds-same");
    private static readonly DatasetId Production = DatasetId.Create("ds-prod");
    private static readonly DatasetId Unhealthy = DatasetId.Create("ds-sick");

    [Fact]
    public async Task ConnectorSync_ChangedPilotExport_IsPushedThenValidatedAgainAsASync()
    {
        var ctx = Context([new DueSync(Pilot, ConnectorSyncMode.Resync), new DueSync(Unchanged, ConnectorSyncMode.Resync)]);

        var result = await new ConnectorSync().RunAsync(ctx.Object, new ConnectorSyncInput(5));

        Assert.Equal(2, result.Due);
        Assert.Equal([Pilot], result.Pushed);
        Assert.Equal([Unchanged], result.Unchanged);
        Assert.Equal([Pilot], result.Revalidated);
        var revert = Assert.IsType<RevertToValidatingInput>(Assert.Single(ctx.Calls, c => c.Name == nameof(RevertToValidating)).Input);
        Assert.Equal(Pilot, revert.DatasetId);
        Assert.StartsWith("connector synced: ", revert.Reason, StringComparison.Ordinal);
        var validation = Assert.Single(ctx.Calls, c => c.Name.StartsWith(nameof(ValidateDataset), StringComparison.Ordinal));
        Assert.Equal("ValidateDataset@connector-sync:validate:ds-pilot", validation.Name);
        Assert.Equal(ValidationTrigger.Sync, Assert.IsType<ValidateDatasetInput>(validation.Input).Trigger);
    }

    [Fact]
    public async Task ConnectorSync_ProductionProbe_HealthyIsLeftAlone_UnhealthyTakesTheSweepsPath()
    {
        var ctx = Context([new DueSync(Production, ConnectorSyncMode.Probe), new DueSync(Unhealthy, ConnectorSyncMode.Probe)]);

        var result = await new ConnectorSync().RunAsync(ctx.Object, new ConnectorSyncInput(5));

        Assert.Equal([Production, Unhealthy], result.Probed);
        Assert.Equal([Unhealthy], result.Revalidated);
        Assert.DoesNotContain(ctx.Calls, c => c.Name == nameof(SyncPilotExport));
        var revert = Assert.IsType<RevertToValidatingInput>(Assert.Single(ctx.Calls, c => c.Name == nameof(RevertToValidating)).Input);
        Assert.Equal(Unhealthy, revert.DatasetId);
        Assert.Equal("connector unhealthy: indexed 0 of 3", revert.Reason);
        Assert.Contains("ValidateDataset@connector-sync:validate:ds-sick", ctx.CallNames);
    }

    [Fact]
    public async Task ConnectorSync_EachDatasetGetsItsOwnSyncId_TheSameOnReplay()
    {
        var first = Context([new DueSync(Pilot, ConnectorSyncMode.Resync), new DueSync(Production, ConnectorSyncMode.Probe)]);
        var replay = Context([new DueSync(Pilot, ConnectorSyncMode.Resync), new DueSync(Production, ConnectorSyncMode.Probe)]);

        await new ConnectorSync().RunAsync(first.Object, new ConnectorSyncInput(5));
        await new ConnectorSync().RunAsync(replay.Object, new ConnectorSyncInput(5));

        var ids = SyncIds(first);
        Assert.Equal(2, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, SyncIds(replay));
    }

    [Fact]
    public async Task ConnectorSync_AFailingSync_DoesNotStopTheRun_AndIsReportedFailed()
    {
        var ctx = new OrchestrationContextMock(LifecycleWorkflows.ConnectorSync);
        ctx.Activity<IReadOnlyList<DueSync>>(nameof(FindDueSyncs), _ => [new DueSync(Pilot, ConnectorSyncMode.Resync), new DueSync(Production, ConnectorSyncMode.Probe)]);
        ctx.FailingActivity<ConnectorSyncRun>(nameof(SyncPilotExport), "storage unavailable");
        ctx.Activity(nameof(ProbeSyncedConnector), i => new ConnectorSyncRun(((SyncDatasetInput)i!).DatasetId, ConnectorSyncOutcome.Healthy, "probed: healthy", []));

        var result = await new ConnectorSync().RunAsync(ctx.Object, new ConnectorSyncInput(1));

        Assert.Equal([Pilot], result.Failed);
        Assert.Equal([Production], result.Probed);
        Assert.Empty(result.Revalidated);
    }

    [Fact]
    public async Task ConnectorSync_NothingDue_SyncsNothing()
    {
        var ctx = Context([]);

        var result = await new ConnectorSync().RunAsync(ctx.Object, new ConnectorSyncInput(5));

        Assert.Equal(0, result.Due);
        Assert.Equal([nameof(FindDueSyncs)], ctx.CallNames);
    }

    private static OrchestrationContextMock Context(IReadOnlyList<DueSync> due)
    {
        var ctx = new OrchestrationContextMock(LifecycleWorkflows.ConnectorSync);
        ctx.Activity(nameof(FindDueSyncs), _ => due);
        ctx.Activity(nameof(SyncPilotExport), i =>
        {
            var id = ((SyncDatasetInput)i!).DatasetId;
            return id == Pilot
                ? new ConnectorSyncRun(id, ConnectorSyncOutcome.Pushed, "the export changed: 7 records pushed", [])
                : new ConnectorSyncRun(id, ConnectorSyncOutcome.Unchanged, "the export is unchanged", []);
        });
        ctx.Activity(nameof(ProbeSyncedConnector), i =>
        {
            var id = ((SyncDatasetInput)i!).DatasetId;
            return id == Unhealthy
                ? new ConnectorSyncRun(id, ConnectorSyncOutcome.Unhealthy, "probed: indexed 0 of 3", ["indexed 0 of 3"])
                : new ConnectorSyncRun(id, ConnectorSyncOutcome.Healthy, "probed: healthy", []);
        });
        ctx.SubOrchestration(nameof(ValidateDataset), i => new ValidationResult(((ValidateDatasetInput)i!).DatasetId, WorkflowOutcome.Ready, 100, [], "ok"));
        return ctx;
    }

    private static List<string> SyncIds(OrchestrationContextMock ctx)
        => [.. ctx.Calls.Select(c => c.Input).OfType<SyncDatasetInput>().Select(i => i.SyncId)];
}
