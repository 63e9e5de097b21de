using System.Collections.Concurrent;
using Azure.Core;
using DataOps.Storage;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The physical ceiling of the storage layer: round trips per second against a private Azurite for the
/// operations the durable runtime is built from (queue send/receive/delete, table insert, a 100-entity
/// transaction, blob upload), one at a time and with several in flight.
/// </summary>
public sealed class StorageBenchmarkSuite : IBenchmarkSuite
{
    private const int Sequential = 400;
    private const int Concurrent = 800;
    private const int InFlight = 16;
    private const int Batches = 20;

    /// <inheritdoc />
    public string Name => "storage";

    /// <inheritdoc />
    public string Description => "round trips/s against Azurite: queue send/receive/delete, table insert, table batch of 100, blob upload";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var queue = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient("bench-queue");
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("benchtable");
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient("bench-blobs");
        await queue.CreateIfNotExistsAsync(cancellationToken);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await container.CreateIfNotExistsAsync(cancellationToken);
        await WarmUpAsync(queue, table, container, cancellationToken);

        var results = new List<RoundTripMeasurement>();
        var received = new ConcurrentQueue<QueueMessage>();
        var payload = BinaryData.FromBytes(new byte[1024]);
        const string message = "{\"instanceId\":\"0123456789abcdef\",\"eventType\":\"TaskScheduled\",\"payload\":\"x\"}";
        foreach (var (inFlight, count) in new[] { (1, Sequential), (InFlight, Concurrent) })
        {
            var run = $"-{inFlight}";
            results.Add(await Measure("queue send", inFlight, count, _ => queue.SendMessageAsync(message, cancellationToken: cancellationToken)));
            results.Add(await Measure("queue receive (1 msg)", inFlight, count, async _ =>
            {
                foreach (var m in (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value)
                {
                    received.Enqueue(m);
                }
            }));
            results.Add(await Measure("queue delete", inFlight, count, _ =>
                received.TryDequeue(out var m) ? queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken) : Task.CompletedTask));
            results.Add(await Measure("table insert", inFlight, count, i =>
                table.AddEntityAsync(new TableEntity("insert" + run, i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)) { ["Payload"] = message, ["Sequence"] = (long)i }, cancellationToken)));
            results.Add(await Measure("table batch of 100", inFlight, Batches * inFlight, i =>
                table.SubmitTransactionAsync(
                    Enumerable.Range(0, 100).Select(r => new TableTransactionAction(
                        TableTransactionActionType.Add,
                        new TableEntity($"batch{run}-{i}", r.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["Payload"] = message })),
                    cancellationToken)));
            results.Add(await Measure("blob upload (1 KiB)", inFlight, count, i =>
                container.GetBlobClient($"{run}/{i}").UploadAsync(payload, overwrite: true, cancellationToken)));
        }

        // The runtime receives in batches; measure that too (every message is deleted again afterwards).
        await queue.ClearMessagesAsync(cancellationToken);
        await RoundTripMeasurement.RunAsync("fill", InFlight, 32 * 20, _ => queue.SendMessageAsync(message, cancellationToken: cancellationToken), () => counter.Count, cancellationToken);
        var batchReceive = await Measure("queue receive (32 msgs)", 1, 20, async _ =>
        {
            foreach (var m in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)).Value)
            {
                received.Enqueue(m);
            }
        });
        results.Add(batchReceive);
        var receivedInBatches = received.Count;

        await output.WriteLineAsync($"Azurite pid {azurite.ProcessId}, in-memory; {Environment.ProcessorCount} cores; x-ms-version {StorageClientOptions.DefaultServiceVersion}");
        await output.WriteLineAsync(RoundTripMeasurement.Header);
        foreach (var result in results)
        {
            await output.WriteLineAsync(result.ToString());
        }

        var batch = results.Where(r => r.Operation == "table batch of 100").Max(r => r.OperationsPerSecond);
        await output.WriteLineAsync($"table batch of 100: up to {batch * 100:F0} entities/s");
        await output.WriteLineAsync($"queue receive (32 msgs): {receivedInBatches / batchReceive.Elapsed.TotalSeconds:F0} messages/s");

        Task<RoundTripMeasurement> Measure(string name, int inFlight, int count, Func<int, Task> operation) =>
            RoundTripMeasurement.RunAsync(name, inFlight, count, operation, () => counter.Count, cancellationToken);
    }

    private static async Task WarmUpAsync(QueueClient queue, TableClient table, BlobContainerClient container, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            await queue.SendMessageAsync("warm-up", cancellationToken: cancellationToken);
            await table.UpsertEntityAsync(new TableEntity("warm-up", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
            await container.GetBlobClient("warm-up").UploadAsync(BinaryData.FromString("x"), overwrite: true, cancellationToken);
        }

        await queue.ClearMessagesAsync(cancellationToken);
    }
}
