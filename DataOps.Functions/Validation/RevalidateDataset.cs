using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>A requested revalidation: a READY dataset goes back to VALIDATING, then <see cref="ValidateDataset"/> runs.</summary>
internal sealed class RevalidateDataset : TaskOrchestrator<RevertToValidatingInput, ValidationResult>
{
    /// <inheritdoc />
    public override async Task<ValidationResult> RunAsync(TaskOrchestrationContext context, RevertToValidatingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(RevertToValidating), input, WorkflowRetry.Transient);
        return await context.CallSubOrchestratorAsync<ValidationResult>(
            nameof(ValidateDataset),
            new ValidateDatasetInput(input.DatasetId, ValidationTrigger.Manual),
            new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ValidationOf(context.InstanceId) });
    }
}
