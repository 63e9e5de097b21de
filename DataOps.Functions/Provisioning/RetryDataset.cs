using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Provisions a FAILED dataset again, in place: same dataset id, the next attempt (<see cref="BeginRetry"/>), then the
/// same steps as a first provision (<see cref="ProvisioningSteps"/>). Refused when the dataset is no longer FAILED;
/// <see cref="WorkflowOutcome.AlreadyActive"/> when another dataset holds its slot. Runs as <c>retry:{datasetId}:{attempt}</c>.
/// </summary>
internal sealed class RetryDataset : TaskOrchestrator<RetryDatasetInput, ProvisionDatasetResult>
{
    /// <inheritdoc />
    public override async Task<ProvisionDatasetResult> RunAsync(TaskOrchestrationContext context, RetryDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var start = await context.CallActivityAsync<RetryStart>(nameof(BeginRetry), input, WorkflowRetry.Transient);
        if (!start.Started)
        {
            var outcome = start.HolderDatasetId is null ? WorkflowOutcome.Refused : WorkflowOutcome.AlreadyActive;
            return new ProvisionDatasetResult(input.DatasetId, start.DatasetType, outcome, null, start.Refusal);
        }

        return await ProvisioningSteps.RunAsync(context, input.DatasetId, start.DatasetType, start.Stage, ValidationTrigger.Retry, input.TakesSeat);
    }
}
