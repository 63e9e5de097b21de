using DurableTask.Core.Exceptions;
using DataOps.Functions.Orchestrations;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Activities;

/// <summary>
/// Starts <c>teardown:{datasetId}</c> for the orchestration named in <see cref="TeardownDatasetInput.Caller"/>: true
/// when this caller owns the teardown, false when another one is already running it. Idempotent: when an earlier
/// attempt of this activity already started it, the running instance carries this caller and the answer is true again.
/// </summary>
public sealed class StartTeardown(DurableTaskClient client) : TaskActivity<TeardownDatasetInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(input.Caller);
        var instanceId = TeardownDataset.InstanceIdFor(input.DatasetId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(TeardownDataset), input, new StartOrchestrationOptions(instanceId)).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            var running = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true).ConfigureAwait(false);
            return string.Equals(running?.ReadInputAs<TeardownDatasetInput>()?.Caller, input.Caller, StringComparison.Ordinal);
        }
    }
}
