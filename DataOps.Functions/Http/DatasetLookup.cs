using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Http;

/// <summary>How the dataset routes read their <c>{id}</c>: 400 naming <c>id</c> when it is not a dataset id, 404 when no dataset has it.</summary>
internal static class DatasetLookup
{
    /// <summary>The dataset with <paramref name="id"/>, or the problem to answer instead.</summary>
    public static async Task<(DatasetRecord? Record, IResult? Problem)> FindAsync(IDatasetRegistry registry, string id, CancellationToken cancellationToken)
    {
        if (!DatasetId.TryCreate(id, out var datasetId, out var error))
        {
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [error] }, title: "The dataset id is invalid."));
        }

        var record = await registry.GetAsync(datasetId, cancellationToken);
        return record is null ? (null, NotFound(id)) : (record, null);
    }

    /// <summary>404 problem details for an unknown dataset id.</summary>
    public static IResult NotFound(string id)
        => Results.Problem(title: "Dataset not found.", detail: $"No dataset has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
