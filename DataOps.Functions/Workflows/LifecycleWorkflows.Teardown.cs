using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

internal static partial class LifecycleWorkflows
{
    /// <summary>How long a caller waits for the completion event before it looks at the teardown instance itself.</summary>
    public static readonly TimeSpan TeardownCompletionCheckInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// What the caller of a teardown is told when the teardown was terminated rather than finished: it failed, with the
    /// termination's reason. The teardown API sends it the moment it terminates one; <see cref="GetTeardownResult"/>
    /// reads the same from the instance.
    /// </summary>
    public static TeardownDatasetResult TerminatedTeardown(DatasetId datasetId, string reason) =>
        new(datasetId, WorkflowOutcome.Failed, null, $"the teardown was terminated ({reason})");

    /// <summary>
    /// Starts the dataset's teardown from another orchestration and waits for its result. The teardown is started as
    /// <c>teardown:{datasetId}</c> through the client (not as a sub-orchestration, whose instance id the engine does not
    /// de-duplicate): when one is already running, for instance from the teardown API, the start is refused and this
    /// answers <see cref="WorkflowOutcome.AlreadyTearingDown"/>. The teardown sends its result back as an event; should
    /// that be lost (the teardown was terminated), the caller looks at the instance every
    /// <see cref="TeardownCompletionCheckInterval"/>. A teardown that failed fails the caller.
    /// </summary>
    public static async Task<TeardownDatasetResult> CallTeardownAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input with { Caller = context.InstanceId };
        var started = await context.CallActivityAsync<bool>(nameof(StartTeardown), request, WorkflowRetry.Transient);
        if (!started)
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcome.AlreadyTearingDown, null, null);
        }

        var completed = TeardownCompletedEvent(input.DatasetId);
        while (true)
        {
            TeardownDatasetResult? result;
            try
            {
                result = await context.WaitForExternalEvent<TeardownDatasetResult>(completed, TeardownCompletionCheckInterval);
            }
            catch (TaskCanceledException)
            {
                result = await context.CallActivityAsync<TeardownDatasetResult?>(nameof(GetTeardownResult), request, WorkflowRetry.Transient);
            }

            if (result is null)
            {
                continue;
            }

            if (result.Outcome == WorkflowOutcome.Failed)
            {
                throw new InvalidOperationException($"The teardown of dataset '{input.DatasetId}' failed: {result.Refusal}");
            }

            return result;
        }
    }

    /// <summary>A teardown tells the orchestration that called it (if any) how it ended.</summary>
    public static void TellTeardownCaller(TaskOrchestrationContext context, TeardownDatasetInput input, TeardownDatasetResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Caller is { } caller)
        {
            context.SendEvent(caller, TeardownCompletedEvent(input.DatasetId), result);
        }
    }

    /// <summary>Tells the caller of a teardown that was terminated from outside, at once rather than at its next look.</summary>
    public static async Task TellTerminatedTeardownCallerAsync(DurableTaskClient client, TeardownDatasetInput? input, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (input is { Caller: { } caller })
        {
            await client.RaiseEventAsync(caller, TeardownCompletedEvent(input.DatasetId), TerminatedTeardown(input.DatasetId, message), cancellationToken);
        }
    }
}
