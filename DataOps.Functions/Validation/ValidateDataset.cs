using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>Runs the four quality checks in parallel, then scores them and moves the dataset to READY or FAILED.</summary>
internal sealed class ValidateDataset : TaskOrchestrator<ValidateDatasetInput, ValidationResult>
{
    /// <inheritdoc />
    public override async Task<ValidationResult> RunAsync(TaskOrchestrationContext context, ValidateDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var checks = await Task.WhenAll(
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunSchemaCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunCompletenessCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunConnectorHealthCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunSampleQueryCheck), input.DatasetId, WorkflowRetry.Transient));
        return await context.CallActivityAsync<ValidationResult>(
            nameof(RecordValidation),
            new RecordValidationInput(input.DatasetId, checks, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
            WorkflowRetry.Transient);
    }
}
