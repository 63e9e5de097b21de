using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Terminates a dataset's running teardown where it stands, then restores the dataset (<see cref="RestoreDataset"/>: its
/// connector visible again, revalidated, READY or FAILED); the workflow that started the teardown is told at once that
/// it was terminated. Only until the grace period ends: once the teardown deletes the connector, stopping it would
/// leave it half deleted. Unlike a cancel, a terminate stops a teardown that no longer answers events.
/// </summary>
public sealed partial class TerminateTeardownHandler(ILogger<TerminateTeardownHandler> logger)
{
    /// <summary>
    /// Accepted with the terminated instance; not found when the dataset never had a teardown; refused when its teardown
    /// has ended or is past its grace period.
    /// </summary>
    public async Task<CommandResult> HandleAsync(DurableTaskClient client, TerminateTeardownCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var id = command.DatasetId.Value;
        var instanceId = LifecycleWorkflows.Teardown(command.DatasetId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return CommandResult.NotFound;
        }

        if (!TeardownInstanceStatus.IsUnfinished(instance.RuntimeStatus))
        {
            return CommandResult.Refused(
                $"The teardown of dataset '{id}' is {instance.RuntimeStatus.ToString().ToLowerInvariant()}; only a running teardown can be terminated.");
        }

        var progress = TeardownProgress.Read(instance.SerializedCustomStatus);
        if (!progress.CanStop)
        {
            return CommandResult.Refused(
                $"The teardown of dataset '{id}' is past its grace period and {progress.Phase}; stopping it now would leave the connector half deleted.");
        }

        var message = $"terminated by an operator: {command.Reason}";
        await client.TerminateInstanceAsync(instanceId, message, cancellationToken);
        await LifecycleWorkflows.TellTerminatedTeardownCallerAsync(client, instance.ReadInputAs<TeardownDatasetInput>(), message, cancellationToken);

        // Nothing stays half torn down: the dataset is restored and revalidated (and should that be refused, the health
        // sweep finishes the teardown instead).
        await LifecycleWorkflows.StartAsync(
            client, nameof(RestoreDataset), new RestoreDatasetInput(command.DatasetId, message), LifecycleWorkflows.Restore(command.DatasetId, Guid.NewGuid()), cancellationToken);

        LogTerminated(logger, id, instanceId);
        return CommandResult.Accepted(instanceId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The teardown of dataset {DatasetId} ({InstanceId}) was terminated by an operator")]
    private static partial void LogTerminated(ILogger logger, string datasetId, string instanceId);
}
