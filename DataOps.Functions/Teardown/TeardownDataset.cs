using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Tears a dataset down safely: the safety rule, TEARDOWN, pause, archive (metadata, sample, quality history),
/// disconnect, then a durable timer for the grace period (24 h by default) before the connector is emptied and
/// retired, the staged copies deleted (<see cref="DeleteStagedCopy"/>; kept until then, since a cancelled teardown
/// revalidates from them), the cleanup verified and the dataset ARCHIVED. During the grace period an operator can extend it or cancel
/// the teardown (a <see cref="TeardownControl"/> event): a cancelled teardown restores the dataset
/// (<see cref="RestoreDataset"/>) and ends <see cref="WorkflowOutcome.Cancelled"/>. The timer survives restarts: it is a message in storage.
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

        var proposed = new DateTimeOffset(context.CurrentUtcDateTime + input.GracePeriod, TimeSpan.Zero);
        var deleteAfter = await context.CallActivityAsync<DateTimeOffset>(nameof(StartGracePeriod), new GracePeriodInput(input.DatasetId, proposed), WorkflowRetry.Transient);
        while (true)
        {
            context.SetCustomStatus(new TeardownProgress(TeardownProgress.GracePeriodPhase, deleteAfter.UtcDateTime));
            var control = await WaitInGracePeriodAsync(context, deleteAfter);
            if (control is null)
            {
                break;
            }

            if (control.Action == TeardownControlAction.Extend && control.ExtendBy is { } extendBy)
            {
                deleteAfter = await context.CallActivityAsync<DateTimeOffset>(
                    nameof(StartGracePeriod), new GracePeriodInput(input.DatasetId, deleteAfter + extendBy, control.Reason), WorkflowRetry.Transient);
                continue;
            }

            if (control.Action == TeardownControlAction.Cancel)
            {
                context.SetCustomStatus(new TeardownProgress(TeardownProgress.CancellingPhase));
                var restored = await context.CallSubOrchestratorAsync<ValidationResult>(
                    nameof(RestoreDataset),
                    new RestoreDatasetInput(input.DatasetId, control.Reason),
                    new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.Restore(input.DatasetId, context.NewGuid()) });
                if (restored.Outcome != WorkflowOutcome.Refused)
                {
                    context.SetCustomStatus(new TeardownProgress(TeardownProgress.CancelledPhase));
                    return new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.Cancelled, archive.Location, $"cancelled: {control.Reason}; the dataset is {restored.Outcome.ToWireName()}");
                }
            }
        }

        context.SetCustomStatus(new TeardownProgress(TeardownProgress.DeletingPhase));
        await context.CallActivityAsync(nameof(DeleteConnector), input.DatasetId, WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(DeleteStagedCopy), input.DatasetId, WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(CompleteTeardown), new CompleteTeardownInput(input.DatasetId, archive.Location), WorkflowRetry.Transient);
        context.SetCustomStatus(new TeardownProgress(TeardownProgress.ArchivedPhase));
        return new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.Archived, archive.Location, null);
    }

    /// <summary>
    /// Waits until <paramref name="deleteAfter"/> or an operator's <see cref="TeardownControl"/>, whichever comes first:
    /// null when the grace period is over. The loser is cancelled, so neither a stale timer nor a stale event waiter
    /// outlives this wait.
    /// </summary>
    private static async Task<TeardownControl?> WaitInGracePeriodAsync(TaskOrchestrationContext context, DateTimeOffset deleteAfter)
    {
        using var stop = new CancellationTokenSource();
        var timer = context.CreateTimer(deleteAfter.UtcDateTime, stop.Token);
        var control = context.WaitForExternalEvent<TeardownControl>(TeardownControl.EventName, stop.Token);
        var first = await Task.WhenAny(timer, control);
        // Synchronously: an orchestration must not await work that runs off its own thread (CancelAsync would).
#pragma warning disable CA1849
        stop.Cancel();
#pragma warning restore CA1849
        return first == control ? await control : null;
    }
}
