using DataOps.Functions.Access;
using DataOps.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Reports;

/// <summary>Targets against actuals: the seeds' success metrics over a window.</summary>
public sealed class MetricsFunctions(SuccessMetricsQuery metrics, RequestAccess access, TimeProvider time)
{
    /// <summary>
    /// <c>GET /api/operations/metrics?from=&amp;to=</c>: each of the seeds' success metrics over the window (the last 30
    /// days by default) with its target, whether it is met and the counts behind it; 400 naming a bad <c>from</c> or
    /// <c>to</c>. Read over the whole registry, so only roles that see every client read it.
    /// </summary>
    [Function(nameof(GetSuccessMetrics))]
    public async Task<IResult> GetSuccessMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/metrics")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await access.RequireAsync(request, c => c.SeesEveryClient, "read the estate-wide metrics")).Refusal is { } refusal)
        {
            return refusal;
        }

        var validation = new RequestValidation();
        if (MetricsWindow.Read(request.Query, time.GetUtcNow(), validation) is not { } window)
        {
            return Results.ValidationProblem(validation.Errors, title: "The metrics window is invalid.");
        }

        return Results.Ok(await metrics.ReadAsync(window.From, window.To, cancellationToken));
    }
}
