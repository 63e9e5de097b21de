using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// The READY datasets whose connector's scheduled sync is due now (<see cref="TimeProvider"/>): an interval after its
/// last sync, or after the dataset's current attempt began when none ran since. Connectors are read in one pass, and a
/// connector row counts only for the dataset it serves. Sandbox connectors are never due.
/// </summary>
internal sealed class FindDueSyncs(RegistryScans scans, ConnectorStore connectors, TimeProvider time) : TaskActivity<object?, IReadOnlyList<DueSync>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<DueSync>> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ready = await scans.AllAsync(new DatasetQuery { Status = DatasetStatus.Ready }, CancellationToken.None).ConfigureAwait(false);
        if (ready.Count == 0)
        {
            return [];
        }

        var byName = (await connectors.ListAsync(CancellationToken.None).ConfigureAwait(false))
            .GroupBy(c => c.Connector.ConnectorName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var due = new List<DueSync>();
        foreach (var dataset in ready)
        {
            if (!byName.TryGetValue(dataset.ConnectorName.Value, out var connector)
                || !string.Equals(connector.DatasetId, dataset.Id.Value, StringComparison.Ordinal))
            {
                continue;
            }

            var schedule = connector.Sync.Schedule;
            if (schedule.IsDue(connector.Sync.LastSyncedAtFor(dataset.Attempt), dataset.ProvisioningStartedAt, now))
            {
                due.Add(new DueSync(dataset.Id, schedule.Mode));
            }
        }

        return [.. due.OrderBy(d => d.DatasetId.Value, StringComparer.Ordinal)];
    }
}
