using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Watch;

public sealed class ConnectorHealthSweepTests
{
    [Fact]
    public async Task ConnectorHealthSweep_OneUnhealthy_RevertsAndRevalidatesOnlyThatOne()
    {
        var ctx = new OrchestrationContextMock("sweep-1");
        ctx.Activity<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), _ => [DatasetId.Create("ds-1"), DatasetId.Create("ds-2"), DatasetId.Create("ds-3")]);
        ctx.Activity(nameof(ProbeConnector), i => new ConnectorProbeResult((DatasetId)i!, ((DatasetId)i!).Value != "ds-2", ((DatasetId)i!).Value == "ds-2" ? ["indexed 0 of 500"] : []));
        ctx.SubOrchestration(nameof(ValidateDataset), i => new ValidationResult(((ValidateDatasetInput)i!).DatasetId, WorkflowOutcome.Ready, 100, [], "ok"));

        var result = await new ConnectorHealthSweep().RunAsync(ctx.Object, new HealthSweepInput(2, TimeSpan.FromMinutes(2)));

        Assert.Equal(3, result.Examined);
        Assert.Equal([DatasetId.Create("ds-2")], result.DatasetIds);
        var revert = Assert.IsType<RevertToValidatingInput>(ctx.Calls.Single(c => c.Name == nameof(RevertToValidating)).Input);
        Assert.Contains("indexed 0 of 500", revert.Reason, StringComparison.Ordinal);
        Assert.Contains("ValidateDataset@sweep-1:validate:ds-2", ctx.CallNames);
    }
}
