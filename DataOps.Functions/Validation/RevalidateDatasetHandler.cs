using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Validation;

/// <summary>
/// Starts <see cref="RevalidateDataset"/> for a ready dataset; any other status refuses. Every request starts its own
/// revalidation (a new instance id each time).
/// </summary>
public sealed class RevalidateDatasetHandler(IDatasetRegistry registry)
{
    /// <summary>Accepted with the revalidation's instance, not found, or refused when the dataset is not ready.</summary>
    public async Task<CommandResult> HandleAsync(DurableTaskClient client, RevalidateDatasetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        var record = await registry.GetAsync(command.DatasetId, cancellationToken);
        if (record is null)
        {
            return CommandResult.NotFound;
        }

        var id = command.DatasetId.Value;
        if (record.Dataset.Status != DatasetStatus.Ready)
        {
            return CommandResult.Refused($"Dataset '{id}' is {record.Dataset.Status.ToWireName()}; only a ready dataset can be revalidated.");
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RevalidateDataset),
            new RevertToValidatingInput(record.Dataset.Id, "revalidation requested"),
            new StartOrchestrationOptions(LifecycleWorkflows.NewRevalidation(record.Dataset.Id)),
            cancellationToken);
        return CommandResult.Accepted(instanceId);
    }
}
