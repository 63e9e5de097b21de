using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Azure;

namespace DataOps.Functions.Operations;

/// <summary>
/// <c>GET /api/health</c>: whether storage answers, the task hub's instances table and work-item queue exist,
/// and Glean answers. 200 when all three hold, 503 with the failing checks otherwise.
/// </summary>
public sealed class HealthFunction(
    IConfiguration configuration,
    IHttpClientFactory httpClients,
    IAzureClientFactory<BlobServiceClient> blobClients,
    IAzureClientFactory<TableServiceClient> tableClients,
    IAzureClientFactory<QueueServiceClient> queueClients)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    [Function(nameof(Health))]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        _ = request;
        var hub = configuration["extensions:durableTask:hubName"] ?? "DataOpsHub";
        var checks = await Task.WhenAll(
            RunAsync("storage", StorageAsync, cancellationToken),
            RunAsync("taskHub", ct => TaskHubAsync(hub, ct), cancellationToken),
            RunAsync("glean", GleanAsync, cancellationToken));
        var healthy = checks.All(c => c.Healthy);
        return Results.Json(
            new HealthReport(healthy ? "healthy" : "unhealthy", checks),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<string> StorageAsync(CancellationToken cancellationToken)
    {
        var service = blobClients.CreateClient(StorageConnection.ProbeClientName);
        await service.GetBlobContainerClient("azure-webjobs-hosts").ExistsAsync(cancellationToken: cancellationToken);
        return $"blob service {service.Uri.Host}:{service.Uri.Port} answered";
    }

    private async Task<string> TaskHubAsync(string hub, CancellationToken cancellationToken)
    {
        var instancesTable = hub + "Instances";
        var tableFound = false;
        await foreach (var table in tableClients.CreateClient(StorageConnection.ProbeClientName).QueryAsync($"TableName eq '{instancesTable}'", cancellationToken: cancellationToken))
        {
            tableFound |= string.Equals(table.Name, instancesTable, StringComparison.Ordinal);
        }

        var workItems = hub.ToLowerInvariant() + "-workitems";
        var queueFound = (await queueClients.CreateClient(StorageConnection.ProbeClientName).GetQueueClient(workItems).ExistsAsync(cancellationToken: cancellationToken)).Value;
        return tableFound && queueFound
            ? $"task hub {hub} is ready"
            : throw new InvalidOperationException($"task hub {hub} is not created yet (table {instancesTable}: {Found(tableFound)}, queue {workItems}: {Found(queueFound)})");
    }

    private async Task<string> GleanAsync(CancellationToken cancellationToken)
    {
        var baseUrl = configuration["Glean:BaseUrl"] ?? throw new InvalidOperationException("Glean:BaseUrl is not configured");
        using var response = await httpClients.CreateClient(nameof(HealthFunction)).GetAsync(new Uri(baseUrl), cancellationToken);
        var status = (int)response.StatusCode;
        return status < 500
            ? $"Glean answered {status}"
            : throw new InvalidOperationException($"Glean answered {status}");
    }

    private static async Task<HealthCheck> RunAsync(string name, Func<CancellationToken, Task<string>> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var detail = await check(timeout.Token);
            return new HealthCheck(name, true, detail, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheck(name, false, $"no answer within {CheckTimeout.TotalSeconds:0} s", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheck(name, false, ex.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Found(bool found) => found ? "found" : "missing";
}
