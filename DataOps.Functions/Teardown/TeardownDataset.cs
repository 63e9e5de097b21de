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
public sealed class TeardownDataset : TaskOrchestrator<TeardownDatasetInput, TeardownDatasetResult>
{
    /// <summary>How long a caller waits for the completion event before it looks at the teardown instance itself.</summary>
    public static readonly TimeSpan CompletionCheckInterval = TimeSpan.FromHours(1);

    /// <summary>The instance id of a dataset's teardown.</summary>
    public static string InstanceIdFor(string datasetId) => "teardown:" + datasetId;

    /// <summary>The event a teardown sends its caller when it finishes.</summary>
    public static string CompletedEventFor(string datasetId) => "teardown_completed:" + datasetId;

    /// <summary>
    /// What the caller of a teardown is told when the teardown was terminated rather than finished: it failed, with the
    /// termination's reason. The teardown API sends it the moment it terminates one; <see cref="GetTeardownResult"/>
    /// reads the same from the instance.
    /// </summary>
    public static TeardownDatasetResult TerminatedResult(string datasetId, string reason) =>
        new(datasetId, WorkflowOutcomes.Failed, null, $"the teardown was terminated ({reason})");

    /// <summary>
    /// Starts the dataset's teardown from another orchestration and waits for its result. The teardown is started as
    /// <c>teardown:{datasetId}</c> through the client (not as a sub-orchestration, whose instance id the engine does not
    /// de-duplicate): when one is already running, for instance from the teardown API, the start is refused and this
    /// answers <see cref="WorkflowOutcomes.AlreadyTearingDown"/>. The teardown sends its result back as an event; should
    /// that be lost (the teardown was terminated), the caller looks at the instance every
    /// <see cref="CompletionCheckInterval"/>. A teardown that failed fails the caller.
    /// </summary>
    public static async Task<TeardownDatasetResult> CallAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input with { Caller = context.InstanceId };
        var started = await context.CallActivityAsync<bool>(nameof(StartTeardown), request, WorkflowRetry.Transient);
        if (!started)
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.AlreadyTearingDown, null, null);
        }

        while (true)
        {
            TeardownDatasetResult? result;
            try
            {
                result = await context.WaitForExternalEvent<TeardownDatasetResult>(CompletedEventFor(input.DatasetId), CompletionCheckInterval);
            }
            catch (TaskCanceledException)
            {
                result = await context.CallActivityAsync<TeardownDatasetResult?>(nameof(GetTeardownResult), request, WorkflowRetry.Transient);
            }

            if (result is null)
            {
                continue;
            }

            if (result.Outcome == WorkflowOutcomes.Failed)
            {
                throw new InvalidOperationException($"The teardown of dataset '{input.DatasetId}' failed: {result.Refusal}");
            }

            return result;
        }
    }

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
            Notify(context, input, new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.Failed, null, $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}"));
            throw;
        }

        Notify(context, input, result);
        return result;
    }

    private static void Notify(TaskOrchestrationContext context, TeardownDatasetInput input, TeardownDatasetResult result)
    {
        if (input.Caller is { } caller)
        {
            context.SendEvent(caller, CompletedEventFor(input.DatasetId), result);
        }
    }

    private static async Task<TeardownDatasetResult> TearDownAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        var start = await context.CallActivityAsync<TeardownStart>(nameof(BeginTeardown), input, WorkflowRetry.Transient);
        if (!start.Allowed)
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.Refused, null, start.Refusal);
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
        return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.Archived, archive.Location, null);
    }
}
