using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Workflows;

namespace DataOps.Tests.Functions.Provisioning;

public sealed class ProvisionDatasetTests
{
    private static readonly ProvisionDatasetInput Input = new(DatasetId.Create("ds-1"), JourneyId.Create("j-1"), ClientId.Create("acme"), ClientName.Create("ACME"), Industry.Healthcare, UseCase.Create("clinical_workflows"), Stage.Sandbox, DatasetType.ConfluencePages);

    [Fact]
    public async Task RunAsync_AllStepsSucceed_ReturnsReadyAfterConnectorPopulationAndValidation()
    {
        var ctx = Happy();

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcome.Ready, result.Outcome);
        Assert.Equal(98.5, result.QualityScore);
        Assert.Equal(
            [nameof(SelectTemplate), nameof(RegisterDataset), nameof(CreateConnector), nameof(PopulateConnector), nameof(BeginValidation), "ValidateDataset@parent:validate"],
            ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_DatasetMovedOnBeforeValidation_ChecksNothing()
    {
        // A second execution of the same provisioning, delivered late: its dataset is READY (or torn down) already.
        var ctx = Happy();
        ctx.Activity(nameof(BeginValidation), _ => false);

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal((WorkflowOutcome.Unchecked, ProvisioningSteps.MovedOn), (result.Outcome, result.Error));
        Assert.DoesNotContain("ValidateDataset@parent:validate", ctx.CallNames);
        Assert.DoesNotContain(nameof(FailProvisioning), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_ProductionStage_SkipsPopulation()
    {
        var ctx = Happy();

        await new ProvisionDataset().RunAsync(ctx.Object, Input with { Stage = Stage.Production });

        Assert.DoesNotContain(nameof(PopulateConnector), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_TakingASeat_WaitsUntilOneIsFree_ThenFillsTheConnector_AndGivesItUpBeforeValidating()
    {
        var ctx = Happy();
        var tries = 0;
        ctx.Activity(nameof(TakeProvisioningSeat), _ => ++tries == 3);
        ctx.Activity(nameof(ReleaseProvisioningSeat), _ => true);

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input with { TakesSeat = true });

        Assert.Equal(WorkflowOutcome.Ready, result.Outcome);
        Assert.Equal(
            [nameof(SelectTemplate), nameof(RegisterDataset), nameof(TakeProvisioningSeat), "timer", nameof(TakeProvisioningSeat), "timer", nameof(TakeProvisioningSeat),
             nameof(CreateConnector), nameof(PopulateConnector), nameof(ReleaseProvisioningSeat), nameof(BeginValidation), "ValidateDataset@parent:validate"],
            ctx.CallNames);
        var waits = ctx.Calls.Where(c => c.Name == "timer").Select(c => (DateTime)c.Input! - OrchestrationContextMock.Now).ToList();
        Assert.Equal([ProvisioningSteps.FirstSeatWait, ProvisioningSteps.FirstSeatWait * 2], waits);
        Assert.Equal(new ProvisioningSeatRequest(Stage.Sandbox, DatasetId.Create("ds-1")), ctx.Calls.Single(c => c.Name == nameof(ReleaseProvisioningSeat)).Input);
    }

    [Fact]
    public async Task RunAsync_TakingASeat_AFailedProvisionGivesItsSeatUp()
    {
        var ctx = Happy();
        ctx.Activity(nameof(TakeProvisioningSeat), _ => true);
        ctx.Activity(nameof(ReleaseProvisioningSeat), _ => true);
        ctx.FailingActivity<PopulationSummary>(nameof(PopulateConnector), "Glean unavailable");

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input with { TakesSeat = true });

        Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
        Assert.Equal(nameof(ReleaseProvisioningSeat), ctx.CallNames.Last());
        Assert.Contains(nameof(FailProvisioning), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_SeatsCannotBeRead_FailsTheDatasetWithoutTouchingGlean()
    {
        var ctx = Happy();
        ctx.FailingActivity<bool>(nameof(TakeProvisioningSeat), "storage unavailable");
        ctx.Activity(nameof(ReleaseProvisioningSeat), _ => true);

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input with { TakesSeat = true });

        Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
        Assert.Contains("TakeProvisioningSeat failed: storage unavailable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(CreateConnector), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_SlotAlreadyHeld_ReportsAlreadyActiveAndCreatesNothing()
    {
        var ctx = Happy();
        ctx.Activity(nameof(RegisterDataset), _ => new RegistrationResult(false, DatasetId.Create("ds-1"), DatasetId.Create("ds-0"), "held"));

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcome.AlreadyActive, result.Outcome);
        Assert.Equal(DatasetId.Create("ds-0"), result.DatasetId);
        Assert.Equal([nameof(SelectTemplate), nameof(RegisterDataset)], ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_ValidationFails_CompensatesWithTheFailedChecks()
    {
        var ctx = Happy();
        ctx.SubOrchestration(nameof(ValidateDataset), _ => new ValidationResult(DatasetId.Create("ds-1"), WorkflowOutcome.Failed, 80, [QualityCheckType.Schema], "schema 40 < 100"));

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
        var compensation = Assert.IsType<FailProvisioningInput>(ctx.Calls.Single(c => c.Name == nameof(FailProvisioning)).Input);
        Assert.Equal([QualityCheckType.Schema], compensation.FailedChecks);
        Assert.Equal(DatasetId.Create("ds-1"), compensation.DatasetId);
    }

    [Fact]
    public async Task RunAsync_PopulationFailsForGood_CompensatesAndReportsTheError()
    {
        var ctx = Happy();
        ctx.FailingActivity<PopulationSummary>(nameof(PopulateConnector), "Glean unavailable");

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
        Assert.Contains("Glean unavailable", result.Error, StringComparison.Ordinal);
        Assert.Equal([nameof(FailProvisioning), nameof(CleanUpFailedConnector)], ctx.CallNames.TakeLast(2));
        Assert.DoesNotContain(nameof(BeginValidation), ctx.CallNames);
    }

    [Fact]
    public async Task RunAsync_GleanStillFailingDuringTheCleanup_FailsTheDatasetLocallyAndEndsFailed()
    {
        var ctx = Happy();
        ctx.FailingActivity<PopulationSummary>(nameof(PopulateConnector), "Glean unavailable");
        ctx.FailingActivity<bool>(nameof(CleanUpFailedConnector), "Glean unavailable");

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        // The local half (FAILED, slot released) ran before Glean was touched; the cleanup is left to the health sweep.
        Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
        Assert.Equal([nameof(FailProvisioning), nameof(CleanUpFailedConnector)], ctx.CallNames.TakeLast(2));
    }

    [Fact]
    public async Task RunAsync_ChecksCouldNotRun_NeitherFailsNorCompensates()
    {
        var ctx = Happy();
        ctx.SubOrchestration(nameof(ValidateDataset), _ => new ValidationResult(DatasetId.Create("ds-1"), WorkflowOutcome.Unchecked, 0, [], "the quality checks could not run"));

        var result = await new ProvisionDataset().RunAsync(ctx.Object, Input);

        Assert.Equal(WorkflowOutcome.Unchecked, result.Outcome);
        Assert.DoesNotContain(nameof(FailProvisioning), ctx.CallNames);
        Assert.DoesNotContain(nameof(CleanUpFailedConnector), ctx.CallNames);
    }

    private static OrchestrationContextMock Happy()
    {
        var ctx = new OrchestrationContextMock();
        ctx.Activity(nameof(SelectTemplate), _ => new TemplateChoice(TemplateId.Create("healthcare.clinical_workflows.confluence_pages"), "exact"));
        ctx.Activity(nameof(RegisterDataset), _ => new RegistrationResult(true, DatasetId.Create("ds-1"), null, null));
        ctx.Activity(nameof(PopulateConnector), _ => new PopulationSummary(500, 1000, 1));
        ctx.SubOrchestration(nameof(ValidateDataset), _ => new ValidationResult(DatasetId.Create("ds-1"), WorkflowOutcome.Ready, 98.5, [], "ok"));
        return ctx;
    }
}
