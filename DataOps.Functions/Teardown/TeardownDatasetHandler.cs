using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Starts a dataset's <see cref="TeardownDataset"/> through <see cref="LifecycleWorkflows"/> when the safety rule allows
/// it. A teardown already running answers as accepted with that teardown: asking twice tears down once.
/// </summary>
public sealed class TeardownDatasetHandler(IDatasetRegistry registry, JourneyProjectionStore journeys, IOptions<WorkflowOptions> options)
{
    /// <summary>Accepted with the teardown's instance, not found, or refused (already archived, or by the safety rule).</summary>
    public async Task<CommandResult> HandleAsync(DurableTaskClient client, TeardownDatasetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var record = await registry.GetAsync(command.DatasetId, cancellationToken);
        if (record is null)
        {
            return CommandResult.NotFound;
        }

        var id = command.DatasetId.Value;
        var instanceId = LifecycleWorkflows.Teardown(command.DatasetId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) is { IsRunning: true } running)
        {
            // A cancelled teardown runs on while it gives the dataset back: answering with it would accept a request
            // that nothing carries out.
            return TeardownProgress.Read(running.SerializedCustomStatus).Phase is TeardownProgress.CancellingPhase or TeardownProgress.CancelledPhase
                ? CommandResult.Refused($"The cancelled teardown of dataset '{id}' is still restoring it; ask again once it has finished (GET /api/teardowns no longer lists it).")
                : CommandResult.Accepted(instanceId);
        }

        if (record.Dataset.Status == DatasetStatus.Archived)
        {
            return CommandResult.Refused($"Dataset '{id}' is already archived.");
        }

        var journey = await journeys.GetAsync(record.Dataset.JourneyId.Value, cancellationToken);
        var safety = TeardownSafety.Check(record.Dataset, journey?.ToState(), command.Reason, command.Force);
        if (!safety.Allowed)
        {
            return CommandResult.Refused(safety.Reason);
        }

        // When a concurrent request started it first, the answer is that teardown.
        var input = new TeardownDatasetInput(record.Dataset.Id, command.Reason, command.Force, options.Value.Teardown.GracePeriod);
        await LifecycleWorkflows.StartAsync(client, nameof(TeardownDataset), input, instanceId, cancellationToken);
        return CommandResult.Accepted(instanceId);
    }
}
