using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

internal static partial class LifecycleWorkflows
{
    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless an instance of that id exists
    /// (running, or finished when <paramref name="onlyIfNotRunning"/> is false); a start that loses a race to the same id
    /// counts as started by the winner. Returns false when an existing instance kept this start from happening.
    /// </summary>
    public static async Task<bool> StartOnceAsync(
        DurableTaskClient client, string orchestrator, object input, string instanceId, bool onlyIfNotRunning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        return (existing is null || (onlyIfNotRunning && !existing.IsRunning))
            && await StartAsync(client, orchestrator, input, instanceId, cancellationToken);
    }

    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> for a caller that has just looked at that
    /// instance itself; a start that loses a race to the same id counts as started by the winner (false).
    /// </summary>
    public static async Task<bool> StartAsync(DurableTaskClient client, string orchestrator, object input, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // The same request or message was handled in parallel, here or on another host.
            return false;
        }
    }
}
