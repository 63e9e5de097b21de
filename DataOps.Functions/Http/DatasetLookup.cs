using System.Diagnostics.CodeAnalysis;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Http;

/// <summary>
/// How the dataset routes read their <c>{id}</c> and answer for it: 400 naming <c>id</c> when it is not a dataset id, 404
/// when no dataset has it, 409 when the dataset cannot do what was asked now.
/// </summary>
internal static class DatasetLookup
{
    /// <summary>The route's dataset id, or the 400 problem to answer instead.</summary>
    public static bool TryParse(string id, out DatasetId datasetId, [NotNullWhen(false)] out IResult? problem)
    {
        if (DatasetId.TryCreate(id, out datasetId, out var error))
        {
            problem = null;
            return true;
        }

        problem = Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [error] }, title: "The dataset id is invalid.");
        return false;
    }

    /// <summary>404 problem details for an unknown dataset id.</summary>
    public static IResult NotFound(string id)
        => Results.Problem(title: "Dataset not found.", detail: $"No dataset has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 problem details for a dataset that cannot do what was asked in its current state.</summary>
    public static IResult Conflict(string detail)
        => Results.Problem(title: "The dataset cannot do that now.", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
