using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Operations.Queries;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Operations;

/// <summary>The dataset API's reads: list and get.</summary>
public sealed class DatasetFunctions(DatasetQueries datasets, RequestAccess access, DatasetAccess datasetAccess)
{
    /// <summary>
    /// <c>GET /api/datasets?clientId=&amp;journeyId=&amp;stage=&amp;status=&amp;pageSize=&amp;continuationToken=</c>: an
    /// Engineer sees only its clients' datasets (a page may then hold fewer than <c>pageSize</c>).
    /// </summary>
    [Function(nameof(ListDatasets))]
    public async Task<IResult> ListDatasets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await access.SignedInAsync(request);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var validation = new RequestValidation();
        var query = DatasetQueryReader.Read(request.Query, validation);
        if (query is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The query is invalid.");
        }

        return await datasets.ListVisibleAsync(query, check.Caller!, cancellationToken) is { } list
            ? Results.Ok(list)
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = ["is not a token this API issued"] }, title: "The query is invalid.");
    }

    /// <summary><c>GET /api/datasets/{id}</c>: the dataset with its quality checks and connector.</summary>
    [Function(nameof(GetDataset))]
    public async Task<IResult> GetDataset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if ((await datasetAccess.CheckAsync(request, id, DatasetAction.Read, "read this dataset", () => DatasetLookup.NotFound(id), cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        return await datasets.GetAsync(datasetId, cancellationToken) is { } detail ? Results.Ok(detail) : DatasetLookup.NotFound(id);
    }
}
