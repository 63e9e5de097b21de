using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Starts <c>teardown:{datasetId}</c> for the orchestration named in <see cref="TeardownDatasetInput.Caller"/>: true
/// when this caller owns the running teardown, false when another one does. Two callers can start the same id at the
/// same moment and both be accepted by the client; the engine then runs only one of the two starts. So the answer is
/// read from the instance once it runs: its input names the caller it will report to. Idempotent: a repeated attempt
/// finds the instance it started and answers true again.
/// </summary>
internal sealed class StartTeardown(DurableTaskClient client) : TaskActivity<TeardownDatasetInput, bool>
{
    /// <summary>How long the activity waits for the engine to run the teardown it asked for before it fails (and is retried).</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(input.Caller);
        var instanceId = LifecycleWorkflows.Teardown(input.DatasetId);

        // Running already when this answers false: started by another caller, or by an earlier attempt of this one.
        await LifecycleWorkflows.StartOnceAsync(client, nameof(TeardownDataset), input, instanceId, onlyIfNotRunning: true, CancellationToken.None).ConfigureAwait(false);

        using var wait = new CancellationTokenSource(StartWait);
        var running = await client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: true, wait.Token).ConfigureAwait(false);
        return string.Equals(running.ReadInputAs<TeardownDatasetInput>()?.Caller, input.Caller, StringComparison.Ordinal);
    }
}
