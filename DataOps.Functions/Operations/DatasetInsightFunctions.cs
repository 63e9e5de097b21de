using DataOps.Domain.Datasets;
using DataOps.Functions.Archive;
using DataOps.Functions.Http;
using DataOps.Functions.Registry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// What an operator reads about one dataset beyond its record: its lifecycle timeline from the audit log, its archive
/// blobs and the orchestration instances that worked on it, with their history.
/// </summary>
public sealed class DatasetInsightFunctions(IDatasetRegistry registry, AuditLog audit, DatasetArchiveStore archives)
{
    /// <summary><c>GET /api/datasets/{id}/timeline</c>: the dataset's domain events from the audit log, oldest first.</summary>
    [Function(nameof(GetDatasetTimeline))]
    public async Task<IResult> GetDatasetTimeline(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasets/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (dataset, error) = await FindAsync(id, cancellationToken);
        if (dataset is null)
        {
            return error!;
        }

        var entries = await audit.ReadAsync(dataset.Id.Value, cancellationToken);
        return Results.Ok(new
        {
            datasetId = dataset.Id.Value,
            events = entries
                .OrderBy(e => e.OccurredAt)
                .Select(e => new { e.EventId, e.EventType, e.OccurredAt, data = InstanceViews.ParseJson(e.Payload) }),
        });
    }

    /// <summary><c>GET /api/datasets/{id}/archive</c>: the blobs of the dataset's archive (none before its teardown archived it).</summary>
    [Function(nameof(GetDatasetArchive))]
    public async Task<IResult> GetDatasetArchive(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasets/{id}/archive")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (dataset, error) = await FindAsync(id, cancellationToken);
        if (dataset is null)
        {
            return error!;
        }

        var folder = DatasetArchive.FolderOf(dataset.ClientId.Value, dataset.Stage.ToWireName(), dataset.Type.ToWireName(), dataset.Id.Value);
        var blobs = await archives.ListAsync(folder, cancellationToken);
        return Results.Ok(new
        {
            datasetId = dataset.Id.Value,
            location = dataset.ArchiveLocation ?? (blobs.Count > 0 ? archives.LocationOf(folder) : null),
            blobs = blobs.Select(b => new { b.Name, b.Location, b.SizeBytes, b.LastModified }),
        });
    }

    /// <summary>
    /// <c>GET /api/datasets/{id}/orchestrations</c>: the instances that provisioned, validated and tore the dataset down,
    /// newest first, with their history.
    /// </summary>
    [Function(nameof(GetDatasetOrchestrations))]
    public async Task<IResult> GetDatasetOrchestrations(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasets/{id}/orchestrations")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (dataset, error) = await FindAsync(id, cancellationToken);
        if (dataset is null)
        {
            return error!;
        }

        var instances = await DatasetInstances.FindAsync(client, dataset, withHistory: true, cancellationToken);
        return Results.Ok(new { datasetId = dataset.Id.Value, instances });
    }

    private async Task<(DatasetSnapshot? Dataset, IResult? Error)> FindAsync(string id, CancellationToken cancellationToken)
    {
        var (record, problem) = await DatasetLookup.FindAsync(registry, id, cancellationToken);
        return (record?.Dataset.ToSnapshot(), problem);
    }
}
