using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Runs the four quality checks in parallel, then scores them and moves the dataset to READY or FAILED. A check that
/// could not run after every retry (Glean or storage unavailable) is no verdict on the data: the dataset stays
/// VALIDATING with a note, the outcome is <see cref="WorkflowOutcome.Unchecked"/>, and the health sweep validates it again.
/// </summary>
internal sealed class ValidateDataset : TaskOrchestrator<ValidateDatasetInput, ValidationResult>
{
    /// <inheritdoc />
    public override async Task<ValidationResult> RunAsync(TaskOrchestrationContext context, ValidateDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var running = new[]
        {
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunSchemaCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunCompletenessCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunConnectorHealthCheck), input.DatasetId, WorkflowRetry.Transient),
            context.CallActivityAsync<QualityCheckOutcome>(nameof(RunSampleQueryCheck), input.DatasetId, WorkflowRetry.Transient),
        };
        QualityCheckOutcome[] checks;
        try
        {
            checks = await Task.WhenAll(running);
        }
        catch (TaskFailedException)
        {
            var failures = running.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).OfType<TaskFailedException>()
                .Select(ex => $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}");
            var note = $"the quality checks could not run ({string.Join("; ", failures)}); the health sweep runs them again";
            var ran = running.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToArray();
            await context.CallActivityAsync(nameof(NoteChecksUnavailable), new NoteChecksUnavailableInput(input.DatasetId, note, input.Trigger, Now(context), ran), WorkflowRetry.Transient);
            return new ValidationResult(input.DatasetId, WorkflowOutcome.Unchecked, 0, [], note);
        }

        return await context.CallActivityAsync<ValidationResult>(
            nameof(RecordValidation),
            new RecordValidationInput(input.DatasetId, checks, Now(context), input.Trigger),
            WorkflowRetry.Transient);
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
