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
    /// <summary>The summary of a provisioning whose dataset moved on before it validated it: nothing was checked.</summary>
    public const string MovedOn = "the dataset had moved on (validated, torn down or failed) before this execution of its provisioning reached validation, so nothing was checked: a start delivered twice";

    /// <summary>First wait between tries for a stage seat; it doubles up to <see cref="MaxSeatWait"/>.</summary>
    public static readonly TimeSpan FirstSeatWait = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between tries for a stage seat.</summary>
    public static readonly TimeSpan MaxSeatWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Creates and fills the connector, then validates. With <paramref name="takesSeat"/>, the Glean-heavy part (creating
    /// and filling the connector) waits for one of the stage's seats (queued, not refused) and gives it up before the
    /// validation, which Glean's search limit paces on its own. READY, FAILED (compensated), or
    /// <see cref="WorkflowOutcome.Unchecked"/> when the checks could not run (the dataset stays VALIDATING for the health sweep).
    /// </summary>
    public static async Task<ProvisionDatasetResult> RunAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, Stage stage, ValidationTrigger trigger, bool takesSeat = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seat = new Seat(takesSeat ? new ProvisioningSeatRequest(stage, datasetId) : null);
        try
        {
            if (seat.Request is { } request)
            {
                try
                {
                    await TakeSeatAsync(context, request);
                    seat.Held = true;
                }
                catch (TaskFailedException ex)
                {
                    return await FailedAsync(context, datasetId, datasetType, ex);
                }
            }

            return await RunStepsAsync(context, datasetId, datasetType, stage, trigger, seat);
        }
        finally
        {
            await seat.ReleaseAsync(context);
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

    /// <summary>A provision's stage seat: whether it takes one, and whether it holds it now.</summary>
    private sealed class Seat(ProvisioningSeatRequest? request)
    {
        public ProvisioningSeatRequest? Request { get; } = request;

        public bool Held { get; set; }

        /// <summary>Gives the seat up once, if held.</summary>
        public async Task ReleaseAsync(TaskOrchestrationContext context)
        {
            if (!Held || Request is null)
            {
                return;
            }

            Held = false;
            try
            {
                await context.CallActivityAsync<bool>(nameof(ReleaseProvisioningSeat), Request, WorkflowRetry.Transient);
            }
            catch (TaskFailedException)
            {
                // Storage down after every retry: the next provision that finds the seats full takes this one over once
                // its holder is no longer being provisioned.
            }
        }
    }

    private static async Task<ProvisionDatasetResult> RunStepsAsync(TaskOrchestrationContext context, DatasetId datasetId, DatasetType datasetType, Stage stage, ValidationTrigger trigger, Seat seat)
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

            await seat.ReleaseAsync(context);
            if (!await context.CallActivityAsync<bool>(nameof(BeginValidation), datasetId, WorkflowRetry.Transient))
            {
                return new ProvisionDatasetResult(datasetId, datasetType, WorkflowOutcome.Unchecked, null, MovedOn);
            }

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
