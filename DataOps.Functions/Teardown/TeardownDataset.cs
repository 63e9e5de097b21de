using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Tears a dataset down safely: the safety rule, TEARDOWN, pause, archive (metadata, sample, quality history),
/// disconnect, then a durable timer for the grace period (24 h by default) before the connector is emptied and
/// retired, the cleanup verified and the dataset ARCHIVED. The timer survives restarts: it is a message in storage.
/// It always runs as its own instance, <c>teardown:{datasetId}</c>, whoever starts it (the teardown API, a stage
/// change, the journey completing, the orphan scan), so one dataset never has two teardowns running.
/// </summary>
internal sealed class TeardownDataset : TaskOrchestrator<TeardownDatasetInput, TeardownDatasetResult>
{
    /// <inheritdoc />
    public override async Task<TeardownDatasetResult> RunAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        TeardownDatasetResult result;
        try
        {
            result = await TearDownAsync(context, input);
        }
        catch (TaskFailedException ex)
        {
            LifecycleWorkflows.TellTeardownCaller(context, input, new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.Failed, null, $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}"));
            throw;
        }

        LifecycleWorkflows.TellTeardownCaller(context, input, result);
        return result;
    }

    private static async Task<TeardownDatasetResult> TearDownAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        var start = await context.CallActivityAsync<TeardownStart>(nameof(BeginTeardown), input, WorkflowRetry.Transient);
        if (!start.Allowed)
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.Refused, null, start.Refusal);
        }

        context.SetCustomStatus(new TeardownProgress(TeardownProgress.ArchivingPhase));
        await context.CallActivityAsync(nameof(PauseConnector), input.DatasetId, WorkflowRetry.Transient);
        var archive = await context.CallActivityAsync<ArchiveSummary>(
            nameof(ArchiveDataset),
            new ArchiveDatasetInput(input.DatasetId, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
            WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(DisconnectConnector), input.DatasetId, WorkflowRetry.Transient);

        var deleteAt = context.CurrentUtcDateTime + input.GracePeriod;
        context.SetCustomStatus(new TeardownProgress(TeardownProgress.GracePeriodPhase, deleteAt));
        await context.CreateTimer(deleteAt, CancellationToken.None);

        context.SetCustomStatus(new TeardownProgress(TeardownProgress.DeletingPhase));
        await context.CallActivityAsync(nameof(DeleteConnector), input.DatasetId, WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(CompleteTeardown), new CompleteTeardownInput(input.DatasetId, archive.Location), WorkflowRetry.Transient);
        context.SetCustomStatus(new TeardownProgress(TeardownProgress.ArchivedPhase));
        return new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.Archived, archive.Location, null);
    }
}
