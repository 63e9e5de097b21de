using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// Finds the orchestration instances that worked on one dataset from the app's instance ids (<see cref="LifecycleWorkflows"/>): its
/// provisioning (<c>provision:{journey}:{stage}:{type}</c> and its validation), revalidations
/// (<c>revalidate:{datasetId}:...</c>), health-sweep validations (<c>health-sweep:validate:{datasetId}</c>) and its
/// teardown (<c>teardown:{datasetId}</c>). Instances under a shared prefix count only when their input names the dataset,
/// so a journey provisioned again later does not lend its instances to an older dataset.
/// </summary>
internal static class DatasetInstances
{
    /// <summary>
    /// The dataset's instances, newest first, each with its history when <paramref name="withHistory"/>, and the ids or
    /// prefixes the Durable Functions API could not read (<see cref="DatasetInstanceSet.Unreadable"/>).
    /// </summary>
    public static async Task<(IReadOnlyList<InstanceView> Instances, IReadOnlyList<string> Unreadable)> FindAsync(DurableTaskClient client, DatasetSnapshot dataset, bool withHistory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(dataset);
        var (found, unreadable) = await LifecycleWorkflows.FindInstancesAsync(client, dataset, cancellationToken);
        var views = new List<InstanceView>(found.Count);
        foreach (var instance in found.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            views.Add(InstanceViews.From(instance, withHistory ? await HistoryAsync(client, instance.InstanceId, cancellationToken) : null));
        }

        return (views, unreadable);
    }

    /// <summary>
    /// The instance's history, or null when the client cannot read histories (the backend does not offer it, or failed
    /// to) or the instance is gone: the rest of the instance is still worth showing.
    /// </summary>
    public static async Task<IList<DurableTask.Core.History.HistoryEvent>?> HistoryAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
