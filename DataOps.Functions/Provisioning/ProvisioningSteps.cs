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
    /// <summary>First wait between tries for a stage seat; it doubles up to <see cref="MaxSeatWait"/>.</summary>
    public static readonly TimeSpan FirstSeatWait = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between tries for a stage seat.</summary>
    public static readonly TimeSpan MaxSeatWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Waits for a seat of the stage when <paramref name="takesSeat"/> (queued, not refused), creates and fills the
    /// connector, then validates, and gives the seat up. READY, FAILED (compensated), or
    /// <see cref="WorkflowOutcome.Unchecked"/> when the checks could not run (the dataset stays VALIDATING for the health sweep).
    /// </summary>
    public static async Task<ProvisionDatasetResult> RunAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, Stage stage, ValidationTrigger trigger, bool takesSeat = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (takesSeat)
            {
                try
                {
                    await TakeSeatAsync(context, new ProvisioningSeatRequest(stage, datasetId));
                }
                catch (TaskFailedException ex)
                {
                    return await FailedAsync(context, datasetId, datasetType, ex);
                }
            }

            return await RunStepsAsync(context, datasetId, datasetType, stage, trigger);
        }
        finally
        {
            if (takesSeat)
            {
                await ReleaseSeatAsync(context, new ProvisioningSeatRequest(stage, datasetId));
            }
        }
    }

    private static async Task TakeSeatAsync(TaskOrchestrationContext context, ProvisioningSeatRequest request)
    {
        var wait = FirstSeatWait;
        while (!await context.CallActivityAsync<bool>(nameof(TakeProvisioningSeat), request, WorkflowRetry.Transient))
        {
            context.SetCustomStatus(new { phase = "queued", reason = $"every {request.Stage.ToWireName()} provisioning seat is taken; trying again in {wait.TotalSeconds:0} s" });
            await context.CreateTimer(context.CurrentUtcDateTime + wait, CancellationToken.None);
            wait = wait * 2 < MaxSeatWait ? wait * 2 : MaxSeatWait;
        }
    }

    private static async Task ReleaseSeatAsync(TaskOrchestrationContext context, ProvisioningSeatRequest request)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(ReleaseProvisioningSeat), request, WorkflowRetry.Transient);
        }
        catch (TaskFailedException)
        {
            // Storage down after every retry: the next provision that finds the seats full takes this one over, since
            // its holder is no longer being provisioned.
        }
    }

    private static async Task<ProvisionDatasetResult> RunStepsAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, Stage stage, ValidationTrigger trigger)
    {
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
            return await FailedAsync(context, datasetId, datasetType, ex);
        }
    }

    private static async Task<ProvisionDatasetResult> FailedAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, TaskFailedException ex)
    {
        var error = $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";
        await FailAsync(context, new FailProvisioningInput(datasetId, error, []));
        return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Failed, null, error);
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
