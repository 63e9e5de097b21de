using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace DataOps.Chaos;

/// <summary>A dataset row as the registry stores it (only what the checks read).</summary>
internal sealed record DatasetRow(
    string DatasetId, string JourneyId, string ClientId, string Stage, string DatasetType, string Status,
    string ConnectorName, string? GleanDatasource, long RecordCount, long EventSequence, string? ArchiveLocation, string? FailureReason);

/// <summary>An orchestration instance row of the task hub.</summary>
internal sealed record InstanceRow(string InstanceId, string Name, string Status, string? Failure);

/// <summary>One audit-log row.</summary>
internal sealed record AuditRow(string StreamId, string EventId, string EventType);

/// <summary>
/// Reads what the product left behind straight from storage and the emulator's admin API (never through the hosts),
/// with the product's default names: registry tables <c>DataOps*</c>, task hub <c>DataOpsHub</c>, container
/// <c>dataset-archives</c>.
/// </summary>
internal sealed class ClusterState(string connectionString, Uri gleanUrl) : IDisposable
{
    private const string TablePrefix = "DataOps";
    private const string HubName = "DataOpsHub";
    // The checks run while Azurite may be restarting: more retries than the SDK's default of 3.
    private readonly TableServiceClient _tables = new(connectionString, new TableClientOptions { Retry = { MaxRetries = 5 } });
    private readonly QueueServiceClient _queues = new(connectionString, new QueueClientOptions { Retry = { MaxRetries = 5 } });
    private readonly BlobServiceClient _blobs = new(connectionString, new BlobClientOptions { Retry = { MaxRetries = 5 } });
    private readonly HttpClient _glean = new() { BaseAddress = gleanUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<DatasetRow>> DatasetsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<DatasetRow>();
        var datasources = (await RowsAsync(TablePrefix + "Connectors", cancellationToken))
            .ToDictionary(c => c.PartitionKey, c => c.GetString("Datasource"), StringComparer.Ordinal);
        foreach (var e in await RowsAsync(TablePrefix + "Datasets", cancellationToken))
        {
            rows.Add(new DatasetRow(
                e.GetString("DatasetId") ?? e.RowKey, e.GetString("JourneyId") ?? "", e.GetString("ClientId") ?? "", e.GetString("Stage") ?? "",
                e.GetString("DatasetType") ?? "", e.GetString("Status") ?? "", e.GetString("ConnectorName") ?? "", datasources.GetValueOrDefault(e.GetString("ConnectorName") ?? ""),
                e.GetInt64("RecordCount") ?? 0, e.GetInt64("EventSequence") ?? 0, e.GetString("ArchiveLocation"), e.GetString("FailureReason")));
        }

        return rows;
    }

    /// <summary>
    /// Every instance of the task hub's instance table. The engine keeps no failure details there: a failed
    /// instance's output is its <c>"{ErrorType}: {ErrorMessage}"</c>, which is what <see cref="InstanceRow.Failure"/> holds.
    /// </summary>
    public async Task<IReadOnlyList<InstanceRow>> InstancesAsync(CancellationToken cancellationToken) =>
        [.. (await RowsAsync(HubName + "Instances", cancellationToken)).Select(e =>
        {
            var status = e.GetString("RuntimeStatus") ?? "";
            return new InstanceRow(e.PartitionKey, e.GetString("Name") ?? "", status, status == "Failed" ? e.GetString("Output") : null);
        })];

    public async Task<IReadOnlyList<AuditRow>> AuditAsync(CancellationToken cancellationToken) =>
        [.. (await RowsAsync(TablePrefix + "AuditLog", cancellationToken)).Select(e => new AuditRow(e.PartitionKey, e.GetString("EventId") ?? "", e.GetString("EventType") ?? ""))];

    /// <summary>Every queue whose name ends in <c>-poison</c>, with its approximate message count.</summary>
    public async Task<IReadOnlyList<(string Queue, int Messages)>> PoisonQueuesAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, int)>();
        await foreach (var queue in _queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                var properties = await _queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken: cancellationToken);
                result.Add((queue.Name, properties.Value.ApproximateMessagesCount));
            }
        }

        return result;
    }

    /// <summary>The blob names under an archive location (<c>container/folder/</c>).</summary>
    public async Task<IReadOnlyList<string>> ArchiveBlobsAsync(string location, CancellationToken cancellationToken)
    {
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var container = _blobs.GetBlobContainerClient(location[..slash]);
        var prefix = location[(slash + 1)..];
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                names.Add(blob.Name[prefix.Length..]);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container: no archive at all.
        }

        return names;
    }

    /// <summary>Documents the emulator holds for a datasource (0 when the datasource is gone).</summary>
    public async Task<int> GleanDocumentCountAsync(string datasource, CancellationToken cancellationToken)
    {
        using var response = await _glean.GetAsync(new Uri("admin/datasources/" + Uri.EscapeDataString(datasource), UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        var view = await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return view.GetProperty("documentCount").GetInt32();
    }

    /// <summary>Sets (or, with null, clears) the emulator's injected faults.</summary>
    public async Task SetGleanFaultsAsync(object? faults, CancellationToken cancellationToken)
    {
        using var response = faults is null
            ? await _glean.DeleteAsync(new Uri("admin/faults", UriKind.Relative), cancellationToken)
            : await _glean.PostAsync(new Uri("admin/faults", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(faults), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts a journey event on the <c>journey-events</c> queue (base64 JSON, as the host expects).</summary>
    public async Task SendJourneyEventAsync(object message, CancellationToken cancellationToken)
    {
        var queue = _queues.GetQueueClient("journey-events");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(message)), cancellationToken: cancellationToken);
    }

    private async Task<IReadOnlyList<TableEntity>> RowsAsync(string table, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in _tables.GetTableClient(table).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet.
        }

        return rows;
    }

    public void Dispose() => _glean.Dispose();
}
