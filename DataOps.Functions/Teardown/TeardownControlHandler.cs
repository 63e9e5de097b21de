using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Sends an operator's cancel or extension to a dataset's running teardown while it archives or waits out its grace
/// period; the teardown acts on it (<see cref="TeardownDataset"/>). Refused once the connector is being deleted (or the
/// teardown has ended), and a cancel is refused when another dataset has taken the slot meanwhile.
/// </summary>
public sealed partial class TeardownControlHandler(IDatasetRegistry registry, ILogger<TeardownControlHandler> logger)
{
    /// <summary>Accepted with the teardown's instance; not found when the dataset never had a teardown; refused with the reason.</summary>
    public async Task<CommandResult> HandleAsync(DurableTaskClient client, TeardownControlCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var id = command.DatasetId.Value;
        var instanceId = LifecycleWorkflows.Teardown(command.DatasetId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return CommandResult.NotFound;
        }

        var action = command.Control.Action == TeardownControlAction.Cancel ? "cancelled" : "extended";
        if (!TeardownInstanceStatus.IsUnfinished(instance.RuntimeStatus))
        {
            return CommandResult.Refused($"The teardown of dataset '{id}' is {instance.RuntimeStatus.ToString().ToLowerInvariant()}; only a running teardown can be {action}.");
        }

        var progress = TeardownProgress.Read(instance.SerializedCustomStatus);
        if (!progress.TakesControl)
        {
            return CommandResult.Refused($"The teardown of dataset '{id}' is {progress.Phase}; it can be {action} only while it archives or waits out its grace period.");
        }

        if (command.Control.Action == TeardownControlAction.Cancel && await registry.GetAsync(command.DatasetId, cancellationToken) is { } record)
        {
            var dataset = record.Dataset;
            if (await registry.FindSlotHolderAsync(dataset.ClientId, dataset.Stage, dataset.Type, cancellationToken) is { } holder && holder != dataset.Id)
            {
                return CommandResult.Refused($"Client '{dataset.ClientId}' has another active {dataset.Type.ToWireName()} dataset in {dataset.Stage.ToWireName()} now: '{holder}'; the teardown of '{id}' can no longer be cancelled.");
            }
        }

        await client.RaiseEventAsync(instanceId, TeardownControl.EventName, command.Control, cancellationToken);
        LogControl(logger, id, command.Control.Action.ToWireName(), instanceId);
        return CommandResult.Accepted(instanceId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The teardown of dataset {DatasetId} ({InstanceId}): {Action} requested by an operator")]
    private static partial void LogControl(ILogger logger, string datasetId, string action, string instanceId);
}
