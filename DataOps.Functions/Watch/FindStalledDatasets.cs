using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Watch;

/// <summary>
/// Finds the datasets no workflow is moving: in PROVISIONING, VALIDATING or TEARDOWN (or FAILED with its compensation
/// unfinished) with no orchestration of theirs pending or running (<see cref="LifecycleWorkflows.FindInstancesAsync"/>),
/// and no change to them or their instances for at least the stall age, so a workflow that is only starting is never
/// taken for a dead one. A dataset whose instances cannot all be read is left alone and logged: the unread one may be
/// the workflow still moving it.
/// </summary>
internal sealed partial class FindStalledDatasets(RegistryScans scans, IDatasetRegistry registry, ConnectorStore connectors, DurableTaskClient client, TimeProvider time, ILogger<FindStalledDatasets> logger)
    : TaskActivity<TimeSpan, IReadOnlyList<StalledDataset>>
{
    private static readonly HashSet<DatasetStatus> Candidates = [DatasetStatus.Provisioning, DatasetStatus.Validating, DatasetStatus.Teardown, DatasetStatus.Failed];

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StalledDataset>> RunAsync(TaskActivityContext context, TimeSpan input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var listed = new List<DatasetSnapshot>();
        foreach (var status in Candidates)
        {
            listed.AddRange(await scans.AllAsync(new DatasetQuery { Status = status }, CancellationToken.None).ConfigureAwait(false));
        }

        var now = time.GetUtcNow();
        var stalled = new List<StalledDataset>();
        foreach (var dataset in await scans.ConfirmAsync(listed, Candidates, CancellationToken.None).ConfigureAwait(false))
        {
            if (now - dataset.UpdatedAt < input || (dataset.Status == DatasetStatus.Failed && !await CompensationUnfinishedAsync(dataset).ConfigureAwait(false)))
            {
                continue;
            }

            var (instances, unreadable) = await LifecycleWorkflows.FindInstancesAsync(client, dataset, CancellationToken.None).ConfigureAwait(false);
            if (unreadable.Count > 0)
            {
                // An instance that cannot be read may be the one still moving the dataset: never repair on a guess.
                LogUnreadable(logger, dataset.Id.Value, string.Join(", ", unreadable));
                continue;
            }

            if (instances.Any(i => TeardownInstanceStatus.IsUnfinished(i.RuntimeStatus) || now - i.LastUpdatedAt < input))
            {
                continue;
            }

            var latest = instances.OrderByDescending(i => i.LastUpdatedAt).FirstOrDefault();
            var last = latest is null ? "no workflow of it is left" : $"its last workflow, {latest.InstanceId}, is {latest.RuntimeStatus.ToString().ToLowerInvariant()}";
            stalled.Add(dataset.Status switch
            {
                DatasetStatus.Provisioning => new StalledDataset(dataset.Id, dataset.Status, RepairAction.Fail, $"provisioning stopped without finishing: {last}"),
                DatasetStatus.Validating => new StalledDataset(dataset.Id, dataset.Status, RepairAction.Validate, $"validation stopped without a verdict: {last}"),
                DatasetStatus.Teardown when latest is { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } && LifecycleWorkflows.TeardownDatasetOf(latest.InstanceId) is not null
                    => new StalledDataset(dataset.Id, dataset.Status, RepairAction.Restore, $"the teardown was terminated and the dataset not restored: {last}"),
                DatasetStatus.Teardown => new StalledDataset(dataset.Id, dataset.Status, RepairAction.ResumeTeardown, $"the teardown stopped before the dataset was archived: {last}"),
                _ => new StalledDataset(dataset.Id, dataset.Status, RepairAction.Fail, $"the compensation of the failure did not finish: {last}"),
            });
        }

        return stalled.OrderBy(s => s.DatasetId.Value, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A FAILED dataset still holding its slot, or still owning a connector that is not retired.</summary>
    private async Task<bool> CompensationUnfinishedAsync(DatasetSnapshot dataset)
    {
        if (await registry.FindSlotHolderAsync(dataset.ClientId, dataset.Stage, dataset.Type, CancellationToken.None).ConfigureAwait(false) == dataset.Id)
        {
            return true;
        }

        var connector = await connectors.GetOwnedAsync(dataset.Id, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        return connector is not null && connector.Status != ConnectorStatuses.Retired;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {DatasetId} is not checked for a stall: the Durable Functions API cannot read its instances {Unreadable} (an instance row without a name, left when a host stopped mid-checkpoint)")]
    private static partial void LogUnreadable(ILogger logger, string datasetId, string unreadable);
}
