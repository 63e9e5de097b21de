using DataOps.Functions.Access;
using DataOps.Functions.Operations.Queries;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// The operator's view of the running product: teardowns in their grace period, the last runs of the scheduled scans,
/// and the dataset totals and provisioning times behind the dashboard's charts.
/// </summary>
public sealed class OperationsFunctions(TeardownQueries teardowns, ScanQueries scans, OperationsSummaryQuery summary, RequestAccess access)
{
    /// <summary>
    /// <c>GET /api/teardowns</c>: every teardown still running, with its phase and, in the grace period, when the
    /// connector will be deleted. An Engineer sees only its clients' teardowns.
    /// </summary>
    [Function(nameof(ListTeardowns))]
    public async Task<IResult> ListTeardowns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "teardowns")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var check = await access.SignedInAsync(request);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var caller = check.Caller!;
        var items = (await teardowns.RunningAsync(client, cancellationToken))
            .Where(t => caller.SeesEveryClient || (t.Dataset is { } d && DataOps.Domain.Datasets.ClientId.TryCreate(d.ClientId, out var c, out _) && caller.CanRead(c)))
            .ToList();
        return Results.Ok(new RunningTeardownList(items));
    }

    /// <summary>
    /// <c>GET /api/operations/scans</c>: the schedule and last run of the orphan scan and the connector-health sweep.
    /// Their results name every client's datasets, so only roles that see every client read them.
    /// </summary>
    [Function(nameof(GetScanStatus))]
    public async Task<IResult> GetScanStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/scans")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if ((await access.RequireAsync(request, c => c.SeesEveryClient, "read the estate-wide scans")).Refusal is { } refusal)
        {
            return refusal;
        }

        return Results.Ok(await scans.StatusAsync(client, cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/operations/summary</c>: datasets by status, and how long provisioning took (median, 95th percentile
    /// and the most recent <see cref="OperationsSummaryQuery.ProvisioningSampleSize"/>), read over the whole registry, so
    /// only roles that see every client read it.
    /// </summary>
    [Function(nameof(GetOperationsSummary))]
    public async Task<IResult> GetOperationsSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if ((await access.RequireAsync(request, c => c.SeesEveryClient, "read the estate-wide summary")).Refusal is { } refusal)
        {
            return refusal;
        }

        return Results.Ok(await summary.ReadAsync(cancellationToken));
    }
}
