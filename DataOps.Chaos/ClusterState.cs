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
    string ConnectorName, string? GleanDatasource, long RecordCount, long EventSequence, string? ArchiveLocation, string? FailureReason)
{
    /// <summary>The provisioning attempt (1, then one more per retry).</summary>
    public int Attempt { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    public string? RevalidationReason { get; init; }
}

/// <summary>An orchestration instance row of the task hub (input, output and custom status as the table holds them).</summary>
internal sealed record InstanceRow(string InstanceId, string Name, string Status, string? Failure)
{
    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    public DateTimeOffset? Created { get; init; }
}

/// <summary>One API request the Glean emulator served, with the datasource and upload it named and the caller's agent.</summary>
internal sealed record GleanRequest(long Sequence, string Method, string Path, int Status, string? Injected, DateTimeOffset At, string? Datasource, string? UploadId, string? Agent);

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
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private const string HubName = "DataOpsHub";

    /// <summary>The <c>User-Agent</c> of the run's own Glean calls (an operator's fix), which the ownership check leaves out.</summary>
    public const string OperatorAgent = "dataops-chaos-operator";

    /// <summary>The emulator's default indexing token, which the run's own Glean calls use.</summary>
    private const string IndexingToken = "local-indexing-token";
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
                e.GetInt64("RecordCount") ?? 0, e.GetInt64("EventSequence") ?? 0, e.GetString("ArchiveLocation"), e.GetString("FailureReason"))
            {
                Attempt = e.GetInt32("Attempt") ?? 1,
                CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
                UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
                ArchivedAt = e.GetDateTimeOffset("ArchivedAt"),
                RevalidationReason = e.GetString("RevalidationReason"),
            });
        }

        return rows;
    }

    /// <summary>
    /// Every instance of the task hub's instance table. The engine keeps no failure details there: a failed
    /// instance's output is its <c>"{ErrorType}: {ErrorMessage}"</c>, which is what <see cref="InstanceRow.Failure"/> holds.
    /// </summary>
    public async Task<IReadOnlyList<InstanceRow>> InstancesAsync(CancellationToken cancellationToken) =>
        [.. (await RowsAsync(HubName + "Instances", cancellationToken)).Select(ToInstance)];

    /// <summary>The instances whose id starts with <paramref name="prefix"/> (a range query on the instance table).</summary>
    public async Task<IReadOnlyList<InstanceRow>> InstancesAsync(string prefix, CancellationToken cancellationToken)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {end}");
        return [.. (await RowsAsync(HubName + "Instances", cancellationToken, filter)).Select(ToInstance)];
    }

    private static InstanceRow ToInstance(TableEntity e)
    {
        var status = e.GetString("RuntimeStatus") ?? "";
        return new InstanceRow(e.PartitionKey, e.GetString("Name") ?? "", status, status == "Failed" ? e.GetString("Output") : null)
        {
            Input = e.GetString("Input"),
            Output = e.GetString("Output"),
            CustomStatus = e.GetString("CustomStatus"),
            LastUpdated = e.GetDateTimeOffset("LastUpdatedTime"),
            Created = e.GetDateTimeOffset("CreatedTime"),
        };
    }

    /// <summary>Every API request the emulator logged (its log must be large enough for the run: the cluster sets it).</summary>
    public async Task<IReadOnlyList<GleanRequest>> GleanRequestsAsync(CancellationToken cancellationToken)
    {
        using var response = await _glean.GetAsync(new Uri("admin/requests", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await JsonSerializer.DeserializeAsync<List<GleanRequest>>(await response.Content.ReadAsStreamAsync(cancellationToken), WebJson, cancellationToken) ?? [];
    }

    /// <summary>
    /// Registers (or updates) a datasource the way an operator with the indexing token would, named
    /// <paramref name="displayName"/>: a datasource carrying another connector's name is one the product refuses to use.
    /// </summary>
    public async Task RegisterDatasourceAsync(string datasource, string displayName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/index/v1/adddatasource", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                name = datasource,
                displayName,
                datasourceCategory = "PUBLISHED_CONTENT",
                urlRegex = "https://example\\.com/.*",
                isTestDatasource = true,
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IndexingToken);
        request.Headers.UserAgent.ParseAdd(OperatorAgent);
        using var response = await _glean.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

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

    private async Task<IReadOnlyList<TableEntity>> RowsAsync(string table, CancellationToken cancellationToken, string? filter = null)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in _tables.GetTableClient(table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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
