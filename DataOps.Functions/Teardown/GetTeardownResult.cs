using System.Text.Json;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The result of a dataset's teardown read from its instance, or null while it is still running. A teardown that
/// failed, was terminated or is gone reads as <see cref="WorkflowOutcome.Failed"/> with the reason.
/// </summary>
internal sealed class GetTeardownResult(DurableTaskClient client) : TaskActivity<TeardownDatasetInput, TeardownDatasetResult?>
{
    /// <inheritdoc />
    public override async Task<TeardownDatasetResult?> RunAsync(TaskActivityContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = LifecycleWorkflows.Teardown(input.DatasetId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true).ConfigureAwait(false);
        if (instance is null)
        {
            return Failed(input, $"instance '{instanceId}' no longer exists");
        }

        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => instance.ReadOutputAs<TeardownDatasetResult>(),
            OrchestrationRuntimeStatus.Failed => Failed(input, instance.FailureDetails?.ErrorMessage ?? "failed"),
            OrchestrationRuntimeStatus.Terminated => LifecycleWorkflows.TerminatedTeardown(input.DatasetId, TerminationReason(instance)),
            _ => null,
        };
    }

    /// <summary>The output a teardown was terminated with, when it is a text (the teardown API writes one).</summary>
    private static string TerminationReason(OrchestrationMetadata instance)
    {
        try
        {
            return instance.ReadOutputAs<string>() is { Length: > 0 } reason ? reason : "no reason given";
        }
        catch (JsonException)
        {
            return instance.SerializedOutput ?? "no reason given";
        }
    }

    private static TeardownDatasetResult Failed(TeardownDatasetInput input, string reason) =>
        new(input.DatasetId, WorkflowOutcome.Failed, null, reason);
}
