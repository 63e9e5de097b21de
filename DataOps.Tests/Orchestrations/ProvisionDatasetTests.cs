using DataOps.Functions.Provisioning;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;

namespace DataOps.Tests.Orchestrations;

public sealed class ProvisionDatasetTests
{
    private static readonly ProvisionDatasetInput Input = new("ds-1", "j-1", "acme", "ACME", "healthcare", "clinical_workflows", "sandbox", "confluence_pages");

    [Fact]
    public async Task RunAsync_AllStepsSucceed_ReturnsReadyAfterConnectorPopulationAndValidation()
    {
        var ctx = Happy();

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcomes.Ready, result.Outcome);
        Assert.Equal(98.5, result.QualityScore);
        Assert.Equal(
            [nameof(SelectTemplate), nameof(RegisterDataset), nameof(CreateConnector), nameof(PopulateConnector), nameof(BeginValidation), "ValidateDataset@parent:validate"],
            ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_ProductionStage_SkipsPopulation()
    {
        var ctx = Happy();

        await new ProvisionDataset().RunAsync(ctx.Object, Input with { Stage = "production" });

        Assert.DoesNotContain(nameof(PopulateConnector), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_SlotAlreadyHeld_ReportsAlreadyActiveAndCreatesNothing()
    {
        var ctx = Happy();
        ctx.Activity(nameof(RegisterDataset), _ => new RegistrationResult(false, "ds-1", "ds-0", "held"));

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcomes.AlreadyActive, result.Outcome);
        Assert.Equal("ds-0", result.DatasetId);
        Assert.Equal([nameof(SelectTemplate), nameof(RegisterDataset)], ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_ValidationFails_CompensatesWithTheFailedChecks()
    {
        var ctx = Happy();
        ctx.SubOrchestration(nameof(ValidateDataset), _ => new ValidationResult("ds-1", WorkflowOutcomes.Failed, 80, ["schema"], "schema 40 < 100"));

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcomes.Failed, result.Outcome);
        var compensation = Assert.IsType<FailProvisioningInput>(ctx.Calls.Single(c => c.Name == nameof(FailProvisioning)).Input);
        Assert.Equal(["schema"], compensation.FailedChecks);
        Assert.Equal("ds-1", compensation.DatasetId);
    }

    [Fact]
    public async Task RunAsync_PopulationFailsForGood_CompensatesAndReportsTheError()
    {
        var ctx = Happy();
        ctx.FailingActivity<PopulationSummary>(nameof(PopulateConnector), "Glean unavailable");

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcomes.Failed, result.Outcome);
        Assert.Contains("Glean unavailable", result.Error, StringComparison.Ordinal);
        Assert.Equal(nameof(FailProvisioning), ctx.CallNames.Last());
        Assert.DoesNotContain(nameof(BeginValidation), ctx.CallNames);
    }

    private static OrchestrationContextMock Happy()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(SelectTemplate), _ => new TemplateChoice("healthcare.clinical_workflows.confluence_pages", "exact"));
        ctx.Activity(nameof(RegisterDataset), _ => new RegistrationResult(true, "ds-1", null, null));
        ctx.Activity(nameof(PopulateConnector), _ => new PopulationSummary(500, 1000, 1));
        ctx.SubOrchestration(nameof(ValidateDataset), _ => new ValidationResult("ds-1", WorkflowOutcomes.Ready, 98.5, [], "ok"));
        return ctx;
    }
}
