using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Domain.Datasets;
using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Operations.Queries;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// What an operator reads about one dataset beyond its record: its lifecycle timeline from the audit log, its archive
/// blobs, the orchestration instances that worked on it with their history, and its quality over time. Each answers
/// 404 for a dataset the caller may not read, as for one that does not exist.
/// </summary>
public sealed class DatasetInsightFunctions(DatasetInsightQueries insights, QualityQueries quality, DatasetAccess access)
{
    /// <summary><c>GET /api/datasets/{id}/timeline</c>: the dataset's domain events from the audit log, oldest first.</summary>
    [Function(nameof(GetDatasetTimeline))]
    public async Task<IResult> GetDatasetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => await ReadAsync(request, id, async datasetId => await insights.TimelineAsync(datasetId, cancellationToken), cancellationToken);

    /// <summary><c>GET /api/datasets/{id}/archive</c>: the blobs of the dataset's archive (none before its teardown archived it).</summary>
    [Function(nameof(GetDatasetArchive))]
    public async Task<IResult> GetDatasetArchive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/archive")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => await ReadAsync(request, id, async datasetId => await insights.ArchiveAsync(datasetId, cancellationToken), cancellationToken);

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
        => await ReadAsync(request, id, async datasetId => await insights.OrchestrationsAsync(client, datasetId, cancellationToken), cancellationToken);

    /// <summary><c>GET /api/datasets/{id}/quality</c>: every validation run's checks, score, outcome and trigger, oldest first.</summary>
    [Function(nameof(GetDatasetQuality))]
    public async Task<IResult> GetDatasetQuality(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}/quality")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
        => await ReadAsync(request, id, async datasetId => await quality.DatasetAsync(datasetId, cancellationToken), cancellationToken);

    private async Task<IResult> ReadAsync(HttpRequest request, string id, Func<DatasetId, Task<object?>> read, CancellationToken cancellationToken)
    {
        if ((await access.CheckAsync(request, id, DatasetAction.Read, "read this dataset", () => DatasetLookup.NotFound(id), cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        return await read(datasetId) is { } found ? Results.Ok(found) : DatasetLookup.NotFound(id);
    }
}
