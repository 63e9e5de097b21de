using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The storage operations <see cref="StorageCeiling"/> measures, on the official Azure SDK clients: three queues
/// (one filled and drained, one always empty, one kept short for message cycles), a table and a blob container,
/// all named after <c>name</c> so that several sets can share one Azurite.
/// </summary>
internal sealed class CeilingClients
{
    private readonly QueueClient _queue;
    private readonly QueueClient _empty;
    private readonly QueueClient _cycle;
    private readonly TableClient _table;
    private readonly BlobContainerClient _container;
    private readonly ConcurrentQueue<QueueMessage> _received = new();
    private long _messagesReceived;

    /// <summary>Clients for <paramref name="connectionString"/>, every request counted by <paramref name="counter"/>.</summary>
    public CeilingClients(string connectionString, string name, StorageRequestCounter counter)
    {
        // Blob and queue clients can speak the REST API version the product has used so far (2021-12-02); the
        // table client offers only 2019-02-02 and 2020-12-06, the nearest is chosen.
        var queues = new QueueServiceClient(connectionString, Configure(new QueueClientOptions(QueueClientOptions.ServiceVersion.V2021_12_02), counter));
        var tables = new TableServiceClient(connectionString, Configure(new TableClientOptions(TableClientOptions.ServiceVersion.V2020_12_06), counter));
        var blobs = new BlobServiceClient(connectionString, Configure(new BlobClientOptions(BlobClientOptions.ServiceVersion.V2021_12_02), counter));
        _queue = queues.GetQueueClient(name + "-queue");
        _empty = queues.GetQueueClient(name + "-empty");
        _cycle = queues.GetQueueClient(name + "-cycle");
        _table = tables.GetTableClient(name + "table");
        _container = blobs.GetBlobContainerClient(name + "-blobs");
    }

    /// <summary>The client libraries and their versions.</summary>
    public static string Library => $"Azure SDK: {Version(typeof(QueueClient))}, {Version(typeof(TableClient))}, {Version(typeof(BlobClient))}";

    /// <summary>Messages received so far by every receive.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Creates the queues, the table and the container.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _empty.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _cycle.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _table.CreateIfNotExistsAsync(cancellationToken);
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Deletes what <see cref="CreateAsync"/> created, so that Azurite does not keep it in memory.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await _queue.DeleteIfExistsAsync(cancellationToken);
        await _empty.DeleteIfExistsAsync(cancellationToken);
        await _cycle.DeleteIfExistsAsync(cancellationToken);
        await _table.DeleteAsync(cancellationToken);
        await _container.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>A few requests of each kind, so that connections are open and code paths compiled before anything is timed.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            await _queue.SendMessageAsync("warm-up", cancellationToken: cancellationToken);
            await _table.UpsertEntityAsync(new TableEntity("warm-up", i.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
            await _container.GetBlobClient("warm-up").UploadAsync(BinaryData.FromString("x"), overwrite: true, cancellationToken);
        }

        await ClearAsync(cancellationToken);
    }

    /// <summary>Empties the filled queue and forgets the messages received from it.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _queue.ClearMessagesAsync(cancellationToken);
        _received.Clear();
    }

    /// <summary>Sends <see cref="StorageCeiling.Message"/> to the filled queue.</summary>
    public Task SendAsync(CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(StorageCeiling.Message, cancellationToken: cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> from the filled queue and keeps them for <see cref="DeleteReceivedAsync"/>.</summary>
    public async Task ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        foreach (var m in (await _queue.ReceiveMessagesAsync(maxMessages, StorageCeiling.Invisible, cancellationToken)).Value)
        {
            _received.Enqueue(m);
            Interlocked.Increment(ref _messagesReceived);
        }
    }

    /// <summary>Deletes one received message (nothing when none is left).</summary>
    public Task DeleteReceivedAsync(CancellationToken cancellationToken) =>
        _received.TryDequeue(out var m) ? _queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken) : Task.CompletedTask;

    /// <summary>Polls the empty queue for up to 32 messages.</summary>
    public Task ReceiveEmptyAsync(CancellationToken cancellationToken) =>
        _empty.ReceiveMessagesAsync(32, StorageCeiling.Invisible, cancellationToken);

    /// <summary>Sends, receives and deletes one message on the short queue.</summary>
    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        await _cycle.SendMessageAsync(StorageCeiling.Message, cancellationToken: cancellationToken);
        foreach (var m in (await _cycle.ReceiveMessagesAsync(1, StorageCeiling.Invisible, cancellationToken)).Value)
        {
            await _cycle.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
        }
    }

    /// <summary>Inserts an entity with a message-sized payload.</summary>
    public Task InsertAsync(string partitionKey, string rowKey, long sequence, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["Payload"] = StorageCeiling.Message, ["Sequence"] = sequence }, cancellationToken);

    /// <summary>Reads one entity by its keys.</summary>
    public Task PointReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        _table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);

    /// <summary>Inserts 100 entities into <paramref name="partitionKey"/> in one entity-group transaction.</summary>
    public Task BatchAsync(string partitionKey, CancellationToken cancellationToken) =>
        _table.SubmitTransactionAsync(
            Enumerable.Range(0, StorageCeiling.BatchSize).Select(r => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partitionKey, r.ToString("D3", CultureInfo.InvariantCulture)) { ["Payload"] = StorageCeiling.Message })),
            cancellationToken);

    /// <summary>Uploads <see cref="StorageCeiling.Blob"/>, overwriting.</summary>
    public Task UploadAsync(string blobName, CancellationToken cancellationToken) =>
        _container.GetBlobClient(blobName).UploadAsync(StorageCeiling.Blob, overwrite: true, cancellationToken);

    // The retry the hand-written clients that measured the earlier figures had by default (exponential, 4 retries
    // from 200 ms, at most 5 s) and no distributed tracing, so that figures stay comparable; every attempt is counted.
    private static T Configure<T>(T options, StorageRequestCounter counter)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    private static string Version(Type type)
    {
        var assembly = type.Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
        return $"{assembly.GetName().Name} {version.Split('+')[0]}";
    }
}
