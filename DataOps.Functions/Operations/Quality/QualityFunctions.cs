using DataOps.Functions.Access;
using DataOps.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Operations.Quality;

/// <summary>Quality trends over many datasets.</summary>
public sealed class QualityFunctions(QualityQueries quality, RequestAccess access)
{
    /// <summary>
    /// <c>GET /api/quality/trends?clientId=&amp;templateId=&amp;stage=&amp;datasetType=&amp;days=</c>: the validation runs of
    /// the last days (30 unless asked), day by day; an Engineer's trend covers only its clients.
    /// </summary>
    [Function(nameof(GetQualityTrends))]
    public async Task<IResult> GetQualityTrends(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "quality/trends")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await access.SignedInAsync(request);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var validation = new RequestValidation();
        return QualityTrendQuery.Read(request.Query, validation) is { } query
            ? Results.Ok(await quality.TrendAsync(query, check.Caller!, cancellationToken))
            : Results.ValidationProblem(validation.Errors, title: "The query is invalid.");
    }
}
