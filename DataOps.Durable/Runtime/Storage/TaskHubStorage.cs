using Azure.Core;
using DataOps.Storage;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>The storage objects of one task hub (ARCHITECTURE.md section 4) and how instances map to partitions.</summary>
internal sealed class TaskHubStorage
{
    private readonly AsyncOnce _created;

    public TaskHubStorage(DurableTaskOptions options, DurableMetrics metrics)
    {
        var clientOptions = new StorageClientOptions();
        clientOptions.AddPolicy(new StorageCallCountingPolicy(metrics), HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(options.ConnectionString, clientOptions);
        var queues = new QueueServiceClient(options.ConnectionString, clientOptions);
        var blobs = new BlobServiceClient(options.ConnectionString, clientOptions);
        var hub = options.HubName;
        var lower = hub.ToLowerInvariant();
        HubName = hub;
        PartitionCount = options.StorageProvider.PartitionCount;
        Instances = tables.GetTableClient($"{hub}Instances");
        History = tables.GetTableClient($"{hub}History");
        ControlQueues = [.. Enumerable.Range(0, PartitionCount).Select(i => queues.GetQueueClient($"{lower}-control-{i:D2}"))];
        WorkItems = queues.GetQueueClient($"{lower}-workitems");
        Poison = queues.GetQueueClient($"{lower}-poison");
        Leases = blobs.GetBlobContainerClient($"{lower}-leases");
        LargeMessages = blobs.GetBlobContainerClient($"{lower}-largemessages");
        _created = new AsyncOnce(CreateAllAsync);
    }

    public string HubName { get; }

    public int PartitionCount { get; }

    public TableClient Instances { get; }

    public TableClient History { get; }

    public IReadOnlyList<QueueClient> ControlQueues { get; }

    public QueueClient WorkItems { get; }

    public QueueClient Poison { get; }

    public BlobContainerClient Leases { get; }

    public BlobContainerClient LargeMessages { get; }

    /// <summary>The control partition of an instance: FNV-1a (32-bit) of the UTF-16 code units of its id.</summary>
    public static int PartitionOf(string instanceId, int partitionCount)
    {
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }

        return (int)(hash % (uint)partitionCount);
    }

    public int PartitionOf(string instanceId) => PartitionOf(instanceId, PartitionCount);

    public QueueClient ControlQueueOf(string instanceId) => ControlQueues[PartitionOf(instanceId)];

    /// <summary>Creates every table, queue and container once per process (idempotent).</summary>
    public Task EnsureCreatedAsync() => _created.RunAsync();

    private async Task CreateAllAsync()
    {
        var tasks = new List<Task>
        {
            Instances.CreateIfNotExistsAsync(), History.CreateIfNotExistsAsync(),
            WorkItems.CreateIfNotExistsAsync(), Poison.CreateIfNotExistsAsync(),
            Leases.CreateIfNotExistsAsync(), LargeMessages.CreateIfNotExistsAsync(),
        };
        tasks.AddRange(ControlQueues.Select(q => (Task)q.CreateIfNotExistsAsync()));
        await Task.WhenAll(tasks);
    }
}
