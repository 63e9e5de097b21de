using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Undoes a teardown stopped in its grace period (cancelled, or terminated by an operator): TEARDOWN -> VALIDATING with
/// the claims re-taken (<see cref="CancelTeardown"/>), the connector visible again (<see cref="ReconnectConnector"/>),
/// then the four checks, so the dataset ends READY, or FAILED with the checks named. <see cref="WorkflowOutcome.Refused"/>
/// when it cannot be undone (then the teardown goes on: the health sweep resumes it).
/// </summary>
internal sealed class RestoreDataset : TaskOrchestrator<RestoreDatasetInput, ValidationResult>
{
    /// <inheritdoc />
    public override async Task<ValidationResult> RunAsync(TaskOrchestrationContext context, RestoreDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var refusal = await context.CallActivityAsync<string?>(nameof(CancelTeardown), input, WorkflowRetry.Transient);
        if (refusal is not null)
        {
            return new ValidationResult(input.DatasetId, WorkflowOutcome.Refused, 0, [], refusal);
        }

        await context.CallActivityAsync<bool>(nameof(ReconnectConnector), input.DatasetId, WorkflowRetry.Transient);
        return await context.CallSubOrchestratorAsync<ValidationResult>(
            nameof(ValidateDataset),
            new ValidateDatasetInput(input.DatasetId, ValidationTrigger.Restore),
            new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ValidationOf(context.InstanceId) });
    }
}
