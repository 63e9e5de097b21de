using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Operations.Queries;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// What an operator reads about one dataset beyond its record: its lifecycle timeline from the audit log, its archive
/// blobs and the orchestration instances that worked on it, with their history.
/// </summary>
public sealed class DatasetInsightFunctions(DatasetInsightQueries insights, DatasetAccess access)
{
    /// <summary><c>GET /api/datasets/{id}/timeline</c>: the dataset's domain events from the audit log, oldest first.</summary>
    [Function(nameof(GetDatasetTimeline))]
    public async Task<IResult> GetDatasetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if ((await access.CheckAsync(request, id, DatasetAction.Read, "read this dataset", () => DatasetLookup.NotFound(id), cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        return await insights.TimelineAsync(datasetId, cancellationToken) is { } timeline ? Results.Ok(timeline) : DatasetLookup.NotFound(id);
    }

    /// <summary><c>GET /api/datasets/{id}/archive</c>: the blobs of the dataset's archive (none before its teardown archived it).</summary>
    [Function(nameof(GetDatasetArchive))]
    public async Task<IResult> GetDatasetArchive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/archive")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if ((await access.CheckAsync(request, id, DatasetAction.Read, "read this dataset", () => DatasetLookup.NotFound(id), cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        return await insights.ArchiveAsync(datasetId, cancellationToken) is { } archive ? Results.Ok(archive) : DatasetLookup.NotFound(id);
    }

    /// <summary>
    /// <c>GET /api/datasets/{id}/orchestrations</c>: the instances that provisioned, validated and tore the dataset down,
    /// newest first, with their history.
    /// </summary>
    [Function(nameof(GetDatasetOrchestrations))]
    public async Task<IResult> GetDatasetOrchestrations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/orchestrations")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if ((await access.CheckAsync(request, id, DatasetAction.Read, "read this dataset", () => DatasetLookup.NotFound(id), cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        return await insights.OrchestrationsAsync(client, datasetId, cancellationToken) is { } orchestrations ? Results.Ok(orchestrations) : DatasetLookup.NotFound(id);
    }
}
