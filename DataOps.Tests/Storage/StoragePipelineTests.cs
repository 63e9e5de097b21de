using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using DataOps.Storage;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage;

public sealed class StoragePipelineTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task TableUpsert_TransientFailures_RetriedUntilSuccess(int status)
    {
        var name = AzuriteFixture.UniqueName("retry");
        await new TableServiceClient(azurite.ConnectionString).CreateTableIfNotExistsAsync(name, Ct);
        var faults = new TransientFaultPolicy(status, failures: 2);
        var counter = new StorageRequestCounter();
        var table = new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast(counter, faults)).GetTableClient(name);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, cancellationToken: Ct);

        Assert.Equal(2, faults.Injected);
        Assert.Equal(3, counter.Count);
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct)).Value.GetInt32("V"));
        await table.DeleteAsync(Ct);
    }

    [Fact]
    public async Task NoStorageListening_RetriesExhausted_SurfaceAsRequestFailedExceptionWithStatusZero()
    {
        var ports = PortAllocator.GetFreePorts(3);
        var connection = AzuriteProcess.ConnectionStringFor(ports);
        var counter = new StorageRequestCounter();
        var options = StorageTestOptions.Fast(counter);

        var table = await Assert.ThrowsAsync<RequestFailedException>(() => new TableServiceClient(connection, options).CreateTableIfNotExistsAsync("unreachable", Ct));
        var queue = await Assert.ThrowsAsync<RequestFailedException>(() => new QueueServiceClient(connection, options).GetQueueClient("unreachable").CreateIfNotExistsAsync(Ct));
        var blob = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobServiceClient(connection, options).GetBlobContainerClient("unreachable").GetBlobClient("b").GetPropertiesAsync(Ct));

        Assert.All(new[] { table, queue, blob }, ex =>
        {
            Assert.Equal(0, ex.Status);
            Assert.IsType<AggregateException>(ex.InnerException);
            Assert.DoesNotContain(AzuriteProcess.AccountKey, ex.Message, StringComparison.Ordinal);
        });
        Assert.Equal(3 * (options.Retry.MaxRetries + 1), counter.Count);
    }

    [Fact]
    public async Task BlobUpload_TransientFailures_RetriedWithFreshSignature()
    {
        var name = AzuriteFixture.UniqueName("retry");
        await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name).CreateIfNotExistsAsync(Ct);
        var faults = new TransientFaultPolicy(503, failures: 3);
        var container = new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Fast(faults)).GetBlobContainerClient(name);

        await container.GetBlobClient("b").UploadAsync(BinaryData.FromString("ok"), overwrite: true, Ct);

        Assert.Equal(3, faults.Injected);
        Assert.Equal("ok", (await container.GetBlobClient("b").DownloadContentAsync(Ct)).Value.Content.ToString());
        await container.DeleteIfExistsAsync(Ct);
    }

    [Fact]
    public async Task QueueSend_FailuresBeyondRetryBudget_ThrowsRequestFailedWithStatus()
    {
        var faults = new TransientFaultPolicy(503, failures: 100);
        var options = StorageTestOptions.Fast(faults);
        options.Retry.MaxRetries = 2;
        var queue = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient(AzuriteFixture.UniqueName("retry"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x", cancellationToken: Ct));

        Assert.Equal(503, ex.Status);
        Assert.Equal(3, faults.Injected);
    }

    [Fact]
    public async Task NonTransientFailure_IsNotRetried()
    {
        var counter = new StorageRequestCounter();
        var blob = new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Fast(counter))
            .GetBlobContainerClient(AzuriteFixture.UniqueName("noretry")).GetBlobClient("missing");

        await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(Ct));

        Assert.Equal(1, counter.Count);
        Assert.Equal(1, counter.FailedCount);
    }

    [Fact]
    public async Task WrongAccountKey_EveryService_Throws403AuthorizationFailure()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var name = AzuriteFixture.UniqueName("auth");

        var blob = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobServiceClient(wrongKey).GetBlobContainerClient(name).CreateIfNotExistsAsync(Ct));
        var queue = await Assert.ThrowsAsync<RequestFailedException>(() => new QueueServiceClient(wrongKey).GetQueueClient(name).CreateIfNotExistsAsync(Ct));
        var table = await Assert.ThrowsAsync<RequestFailedException>(() => new TableServiceClient(wrongKey).GetTableClient(name).CreateIfNotExistsAsync(Ct));

        Assert.All([blob, queue, table], ex => Assert.Equal(403, ex.Status));
        Assert.Equal("AuthorizationFailure", blob.ErrorCode);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, blob.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCounter_CountsEachRoundTrip()
    {
        var counter = new StorageRequestCounter();
        var queue = new QueueServiceClient(azurite.ConnectionString, StorageTestOptions.Fast(counter)).GetQueueClient(AzuriteFixture.UniqueName("count"));

        await queue.CreateIfNotExistsAsync(Ct);
        await queue.SendMessageAsync("a", cancellationToken: Ct);
        var message = (await queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value.Single();
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct);

        Assert.Equal(4, counter.Count);
        Assert.Equal(0, counter.FailedCount);
        await queue.DeleteIfExistsAsync(Ct);
    }

    /// <summary>Answers the first N attempts itself with a transient status, without reaching the service.</summary>
    private sealed class TransientFaultPolicy(int status, int failures) : HttpPipelinePolicy
    {
        private int _injected;

        public int Injected => _injected;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The storage clients are async only.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Interlocked.Increment(ref _injected) <= failures)
            {
                message.Response = new TransientResponse(status);
                return;
            }

            Interlocked.Decrement(ref _injected);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
