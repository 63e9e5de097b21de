using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// What a provisioning attempt does once the dataset is in PROVISIONING, shared by a first provision
/// (<see cref="ProvisionDataset"/>) and a retry (<see cref="RetryDataset"/>): connector, population (not for
/// production), validation; and the compensation when any of it fails.
/// </summary>
internal static class ProvisioningSteps
{
    /// <summary>
    /// Creates and fills the connector, then validates. READY, FAILED (compensated), or <see cref="WorkflowOutcome.Unchecked"/>
    /// when the checks could not run (the dataset stays VALIDATING for the health sweep).
    /// </summary>
    public static async Task<ProvisionDatasetResult> RunAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, Stage stage, ValidationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            context.SetCustomStatus(new { phase = "connector" });
            await context.CallActivityAsync(nameof(CreateConnector), datasetId, WorkflowRetry.Transient);
            if (stage != Stage.Production)
            {
                context.SetCustomStatus(new { phase = "populating" });
                await context.CallActivityAsync<PopulationSummary>(nameof(PopulateConnector), datasetId, WorkflowRetry.Transient);
            }

            await context.CallActivityAsync(nameof(BeginValidation), datasetId, WorkflowRetry.Transient);
            context.SetCustomStatus(new { phase = "validating" });
            var validation = await context.CallSubOrchestratorAsync<ValidationResult>(
                nameof(ValidateDataset),
                new ValidateDatasetInput(datasetId, trigger),
                new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ValidationOf(context.InstanceId) });
            switch (validation.Outcome)
            {
                case WorkflowOutcome.Ready:
                    return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Ready, validation.Score, null);
                case WorkflowOutcome.Unchecked:
                    return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Unchecked, null, validation.Summary);
                default:
                    await FailAsync(context, new FailProvisioningInput(datasetId, validation.Summary, validation.FailedChecks));
                    return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Failed, validation.Score, validation.Summary);
            }
        }
        catch (TaskFailedException ex)
        {
            var error = $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";
            await FailAsync(context, new FailProvisioningInput(datasetId, error, []));
            return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Failed, null, error);
        }
    }

    /// <summary>
    /// The compensation: FAILED and the slot released first (storage only, whatever Glean does), then the connector
    /// emptied. A Glean that still fails leaves the emptying to the health sweep's repair.
    /// </summary>
    public static async Task FailAsync(TaskOrchestrationContext context, FailProvisioningInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(FailProvisioning), input, WorkflowRetry.Transient);
        try
        {
            await context.CallActivityAsync<bool>(nameof(CleanUpFailedConnector), input.DatasetId, WorkflowRetry.Transient);
        }
        catch (TaskFailedException ex)
        {
            context.SetCustomStatus(new { phase = "failed", cleanup = $"pending: {ex.FailureDetails.ErrorMessage}" });
        }
    }
}
