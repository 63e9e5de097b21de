using DataOps.Domain.Datasets;
using DataOps.Functions.Archive;
using DataOps.Functions.Registry;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations.Queries;

/// <summary>
/// What an operator reads about one dataset beyond its record: its lifecycle timeline from the audit log, its archive
/// blobs and the orchestration instances that worked on it, with their history. Each answers null for an unknown dataset.
/// </summary>
public sealed class DatasetInsightQueries(IDatasetRegistry registry, AuditLog audit, DatasetArchiveStore archives)
{
    /// <summary>The dataset's domain events from the audit log, oldest first.</summary>
    public async Task<DatasetTimeline?> TimelineAsync(DatasetId id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } dataset)
        {
            return null;
        }

        var entries = await audit.ReadAsync(dataset.Id.Value, cancellationToken);
        return new DatasetTimeline(
            dataset.Id.Value,
            [.. entries.OrderBy(e => e.OccurredAt).Select(e => new TimelineEvent(e.EventId, e.EventType, e.OccurredAt, InstanceViews.ParseJson(e.Payload)))]);
    }

    /// <summary>The blobs of the dataset's archive (none before its teardown archived it) and where the archive is.</summary>
    public async Task<DatasetArchiveContents?> ArchiveAsync(DatasetId id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } dataset)
        {
            return null;
        }

        var folder = DatasetArchive.FolderOf(dataset.ClientId.Value, dataset.Stage.ToWireName(), dataset.Type.ToWireName(), dataset.Id.Value);
        var blobs = await archives.ListAsync(folder, cancellationToken);
        return new DatasetArchiveContents(
            dataset.Id.Value,
            dataset.ArchiveLocation ?? (blobs.Count > 0 ? archives.LocationOf(folder) : null),
            blobs);
    }

    /// <summary>The instances that provisioned, validated and tore the dataset down, newest first, with their history.</summary>
    public async Task<DatasetOrchestrations?> OrchestrationsAsync(DurableTaskClient client, DatasetId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await FindAsync(id, cancellationToken) is not { } dataset)
        {
            return null;
        }

        var (instances, unreadable) = await DatasetInstances.FindAsync(client, dataset, withHistory: true, cancellationToken);
        return new DatasetOrchestrations(dataset.Id.Value, instances, unreadable);
    }

    private async Task<DatasetSnapshot?> FindAsync(DatasetId id, CancellationToken cancellationToken)
        => (await registry.GetAsync(id, cancellationToken))?.Dataset.ToSnapshot();
}
