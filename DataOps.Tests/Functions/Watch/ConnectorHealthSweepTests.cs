using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Watch;

public sealed class ConnectorHealthSweepTests
{
    [Fact]
    public async Task ConnectorHealthSweep_OneUnhealthy_RevertsAndRevalidatesOnlyThatOne()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), _ => []);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => [DatasetId.Create("ds-1"), DatasetId.Create("ds-2"), DatasetId.Create("ds-3")]);
        ctx.Activity(nameof(ProbeConnectors), i => new ProbeBatchResult(
            [.. ((IReadOnlyList<DatasetId>)i!).Select(id => new ConnectorProbeResult(id, id.Value != "ds-2", id.Value == "ds-2" ? ["indexed 0 of 500"] : []))], 0, 0));
        ctx.SubOrchestration(nameof(ValidateDataset), i => new ValidationResult(((ValidateDatasetInput)i!).DatasetId, WorkflowOutcome.Ready, 100, [], "ok"));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(2, TimeSpan.FromMinutes(2), ProbeBatchSize: 2));

        Assert.Equal(3, result.Examined);
        Assert.Equal(2, ctx.Calls.Count(c => c.Name == nameof(ProbeConnectors)));
        Assert.Equal(new SweepCoverage(3, 3, 0, 0, OrchestrationContextMock.Now, OrchestrationContextMock.Now), result.Coverage);
        Assert.Equal([DatasetId.Create("ds-2")], result.DatasetIds);
        var revert = Assert.IsType<RevertToValidatingInput>(ctx.Calls.Single(c => c.Name == nameof(RevertToValidating)).Input);
        Assert.Contains("indexed 0 of 500", revert.Reason, StringComparison.Ordinal);
        Assert.Contains("ValidateDataset@sweep-1:validate:ds-2", ctx.CallNames);
    }

    [Fact]
    public async Task ConnectorHealthSweep_StalledDatasets_AreRepairedEachTheirWayBeforeTheProbes()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), _ =>
        [
            new StalledDataset(DatasetId.Create("ds-p"), DatasetStatus.Provisioning, RepairAction.Fail, "provisioning stopped without finishing"),
            new StalledDataset(DatasetId.Create("ds-v"), DatasetStatus.Validating, RepairAction.Validate, "validation stopped without a verdict"),
            new StalledDataset(DatasetId.Create("ds-t"), DatasetStatus.Teardown, RepairAction.ResumeTeardown, "the teardown stopped"),
            new StalledDataset(DatasetId.Create("ds-r"), DatasetStatus.Teardown, RepairAction.Restore, "the teardown was terminated"),
        ]);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => []);
        ctx.SubOrchestration(nameof(ValidateDataset), i => new ValidationResult(((ValidateDatasetInput)i!).DatasetId, WorkflowOutcome.Ready, 100, [], "ok"));
        ctx.SubOrchestration(nameof(RestoreDataset), i => new ValidationResult(((RestoreDatasetInput)i!).DatasetId, WorkflowOutcome.Ready, 100, [], "ok"));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(10, TimeSpan.FromMinutes(2)));

        Assert.Equal(["ds-p", "ds-r", "ds-t", "ds-v"], result.Repaired!.Select(r => r.DatasetId.Value).Order(StringComparer.Ordinal));
        var fail = Assert.IsType<FailProvisioningInput>(ctx.Calls.Single(c => c.Name == nameof(FailProvisioning)).Input);
        Assert.Equal("ds-p", fail.DatasetId.Value);
        Assert.Equal("provisioning stopped without finishing", fail.Error);
        Assert.Contains(ctx.Calls, c => c.Name == nameof(CleanUpFailedConnector) && Equals(c.Input, DatasetId.Create("ds-p")));
        Assert.Contains(ctx.Calls, c => c.Name == nameof(ReconnectConnector) && Equals(c.Input, DatasetId.Create("ds-v")));
        Assert.Contains("ValidateDataset@sweep-1:validate:ds-v", ctx.CallNames);
        Assert.Contains(ctx.Calls, c => c.Name == nameof(ResumeTeardown) && Equals(c.Input, DatasetId.Create("ds-t")));
        Assert.Contains(ctx.CallNames, n => n.StartsWith("RestoreDataset@restore:ds-r:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectorHealthSweep_ARepairStillFailing_DoesNotStopTheSweep()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), _ =>
            [new StalledDataset(DatasetId.Create("ds-t"), DatasetStatus.Teardown, RepairAction.ResumeTeardown, "the teardown stopped")]);
        ctx.FailingActivity<bool>(nameof(ResumeTeardown), "storage unavailable");
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Activity(nameof(ProbeConnectors), i => new ProbeBatchResult([.. ((IReadOnlyList<DatasetId>)i!).Select(id => new ConnectorProbeResult(id, true, []))], 0, 0));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(10, TimeSpan.FromMinutes(2)));

        Assert.Empty(result.Repaired!);
        Assert.Equal(1, result.Examined);
    }

    [Fact]
    public async Task ConnectorHealthSweep_ABatchThatCannotBeProbed_CountsItsDatasetsUnprobedAndGoesOn()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), _ => []);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => [.. Enumerable.Range(0, 5).Select(i => DatasetId.Create($"ds-{i}"))]);
        ctx.Activity(nameof(ProbeConnectors), i =>
        {
            var batch = (IReadOnlyList<DatasetId>)i!;
            return batch[0].Value == "ds-0"
                ? throw new TaskFailedException(nameof(ProbeConnectors), 1, new TaskFailureDetails("System.InvalidOperationException", "storage unavailable", null, null, null))
                : new ProbeBatchResult([new ConnectorProbeResult(batch[0], true, [])], Skipped: batch.Count - 1, Unprobed: 0);
        });

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(10, TimeSpan.FromMinutes(2), ProbeBatchSize: 2));

        Assert.Equal(new SweepCoverage(5, 2, 1, 2, OrchestrationContextMock.Now, OrchestrationContextMock.Now), result.Coverage);
        Assert.Empty(result.DatasetIds);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(4, false)]
    public async Task ConnectorHealthSweep_APassLongerThanTheInterval_StartsTheNextAtOnce(int passMinutes, bool continues)
    {
        var ctx = new OrchestrationContextMock("health-sweep");
        ctx.Activity<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), _ => []);
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => [DatasetId.Create("ds-1")]);
        ctx.Activity(nameof(ProbeConnectors), i => new ProbeBatchResult([new ConnectorProbeResult(DatasetId.Create("ds-1"), true, [])], 0, 0));
        var end = OrchestrationContextMock.Now.AddMinutes(passMinutes);
        ctx.Mock.SetupSequence(c => c.CurrentUtcDateTime).Returns(OrchestrationContextMock.Now).Returns(end);
        var input = new HealthSweepInput(10, TimeSpan.FromMinutes(2), 100, TimeSpan.FromMinutes(5));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, input);

        var pass = new SweepCoverage(1, 1, 0, 0, OrchestrationContextMock.Now, end);
        Assert.Equal(pass, result.Coverage);
        ctx.Mock.Verify(c => c.ContinueAsNew(It.Is<object?>(o => o != null && ((HealthSweepInput)o).PreviousPass == pass), It.IsAny<bool>()), continues ? Times.Once() : Times.Never());
    }
}
