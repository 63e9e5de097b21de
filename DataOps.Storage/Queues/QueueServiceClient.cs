using Azure;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Queues;

/// <summary>Entry point to the Queue service of one storage account.</summary>
public class QueueServiceClient
{
    private readonly StoragePipeline _pipeline = null!;

    /// <summary>Creates a client from a connection string (see <see cref="StorageConnectionString"/>).</summary>
    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        => _pipeline = new StoragePipeline(StorageConnectionString.Parse(connectionString), options, StorageServiceKind.Queue);

    /// <summary>For mocking.</summary>
    protected QueueServiceClient()
    {
    }

    /// <summary>The account name.</summary>
    public virtual string AccountName => _pipeline.AccountName;

    /// <summary>The queue service endpoint.</summary>
    public virtual Uri Uri => _pipeline.Endpoint;

    /// <summary>A client for one queue (no request is sent).</summary>
    public virtual QueueClient GetQueueClient(string queueName) => new(_pipeline, queueName);

    /// <summary>Lists the queues whose names start with <paramref name="prefix"/> (all when null), page by page.</summary>
    public virtual AsyncPageable<QueueItem> GetQueuesAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new FuncAsyncPageable<QueueItem>(
            async (marker, pageSize, ct) =>
            {
                var (names, next, response) = await _pipeline.ListPageAsync("Queue", prefix, marker, pageSize, ct).ConfigureAwait(false);
                return Page<QueueItem>.FromValues([.. names.Select(n => new QueueItem(n))], next, response);
            },
            cancellationToken);
}
