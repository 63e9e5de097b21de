using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations.Queries;

/// <summary>The teardowns an operator watches: every one still running, with its phase and the dataset it tears down.</summary>
public sealed class TeardownQueries(IDatasetRegistry registry)
{
    /// <summary>
    /// Every teardown that has not ended, with its phase and, in the grace period, when the connector will be deleted.
    /// </summary>
    public async Task<IReadOnlyList<RunningTeardown>> RunningAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = LifecycleWorkflows.TeardownsPrefix,
            Statuses = TeardownInstanceStatus.Unfinished,
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        var items = new List<RunningTeardown>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var datasetId = LifecycleWorkflows.TeardownDatasetOf(instance.InstanceId)!;
            var progress = TeardownProgress.Read(instance.SerializedCustomStatus);
            DatasetRecord? record = null;
            if (DatasetId.TryCreate(datasetId, out var id, out _))
            {
                record = await registry.GetAsync(id, cancellationToken);
            }

            var dataset = record?.Dataset.ToSnapshot();
            items.Add(new RunningTeardown(
                datasetId,
                instance.InstanceId,
                instance.RuntimeStatus.ToString(),
                progress.Phase,
                progress.DeleteAt,
                progress.CanStop,
                instance.CreatedAt,
                dataset is null ? null : TornDownDataset.From(dataset),
                progress.TakesControl));
        }

        return items;
    }
}
