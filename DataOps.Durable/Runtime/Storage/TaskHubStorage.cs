using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>The storage objects of one task hub (ARCHITECTURE.md section 4) and how instances map to partitions.</summary>
internal sealed class TaskHubStorage
{
    private readonly AsyncOnce _created;

    public TaskHubStorage(DurableTaskOptions options, DurableMetrics metrics)
    {
        var tables = new TableServiceClient(options.ConnectionString, StorageClientProfile.Apply(new TableClientOptions(), metrics));
        // Message text goes on the wire as it is (no base64), as the runtime has always written it: messages already
        // queued stay readable, and the large-message threshold counts the UTF-8 bytes the service counts.
        var queues = new QueueServiceClient(
            options.ConnectionString, StorageClientProfile.Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, metrics));
        var blobs = new BlobServiceClient(options.ConnectionString, StorageClientProfile.Apply(new BlobClientOptions(), metrics));
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
