using DataOps.Functions.Operations.Queries;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// The operator's view of the running product: teardowns in their grace period, the last runs of the scheduled scans,
/// and the dataset totals and provisioning times behind the dashboard's charts.
/// </summary>
public sealed class OperationsFunctions(TeardownQueries teardowns, ScanQueries scans, OperationsSummaryQuery summary)
{
    /// <summary>
    /// <c>GET /api/teardowns</c>: every teardown still running, with its phase and, in the grace period, when the
    /// connector will be deleted.
    /// </summary>
    [Function(nameof(ListTeardowns))]
    public async Task<IResult> ListTeardowns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "teardowns")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var items = await teardowns.RunningAsync(client, cancellationToken);
        return Results.Ok(new { items });
    }

    /// <summary><c>GET /api/operations/scans</c>: the schedule and last run of the orphan scan and the connector-health sweep.</summary>
    [Function(nameof(GetScanStatus))]
    public async Task<IResult> GetScanStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/scans")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => Results.Ok(await scans.StatusAsync(client, cancellationToken));

    /// <summary>
    /// <c>GET /api/operations/summary</c>: datasets by status, and how long provisioning took (median, 95th percentile
    /// and the most recent <see cref="OperationsSummaryQuery.ProvisioningSampleSize"/>), read over the whole registry.
    /// </summary>
    [Function(nameof(GetOperationsSummary))]
    public async Task<IResult> GetOperationsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/summary")] HttpRequest request,
        CancellationToken cancellationToken)
        => Results.Ok(await summary.ReadAsync(cancellationToken));
}
