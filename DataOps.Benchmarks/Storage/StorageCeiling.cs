using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using DataOps.Storage;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The physical ceiling of the storage layer, measured against a private Azurite: round trips per second of the
/// operations the durable runtime and the registry are built from, one at a time and with several in flight.
/// </summary>
internal sealed record StorageCeiling(int AzuritePid, IReadOnlyList<RoundTripMeasurement> Measurements, double BatchReceiveMessagesPerSecond)
{
    public const string QueueSend = "queue send";
    public const string QueueReceive = "queue receive (1 msg)";
    public const string QueueReceiveEmpty = "queue receive (empty queue)";
    public const string QueueCycle = "queue message cycle";
    public const string QueueDelete = "queue delete";
    public const string TableInsert = "table insert";
    public const string TablePointRead = "table point read";
    public const string TableBatch = "table batch of 100";
    public const string BlobUpload = "blob upload (1 KiB)";
    public const string QueueBatchReceive = "queue receive (32 msgs)";

    private static readonly string[] CycleMethods = ["POST", "GET", "DELETE"];
    private const int Sequential = 400;
    private const int Concurrent = 800;
    private const int InFlight = 16;
    private const int Batches = 20;

    /// <summary>The best rate (operations/s) measured for <paramref name="operation"/> at any number in flight.</summary>
    public double BestRate(string operation) => Measurements.Where(m => m.Operation == operation).Max(m => m.OperationsPerSecond);

    /// <summary>
    /// Which measured operation stands for a request of <paramref name="service"/> with <paramref name="method"/>
    /// (the nearest one where the ceiling has no exact match: an entity-group transaction is one POST like an insert,
    /// a MERGE or PUT like an insert, a queue message update like a send, every blob request like an upload). Queue
    /// sends, receives and deletes are grouped into message cycles in <see cref="MixCeiling"/>.
    /// </summary>
    public static string OperationFor(StorageService service, string method) => (service, method) switch
    {
        (StorageService.Queue, "GET" or "HEAD") => QueueReceiveEmpty,
        (StorageService.Queue, "DELETE") => QueueDelete,
        (StorageService.Queue, _) => QueueSend,
        (StorageService.Table, "GET" or "HEAD") => TablePointRead,
        (StorageService.Table, _) => TableInsert,
        _ => BlobUpload,
    };

    /// <summary>
    /// The request rate Azurite sustains for the operation mix of <paramref name="traffic"/>: each request costs
    /// 1/ceiling of its operation, so the mix ceiling is the request count over the summed costs. A queue message is
    /// sent, received and deleted once each, so as many sends, GETs and DELETEs as the smallest of the three counts
    /// are weighed as <see cref="QueueCycle"/>s (batch receives deliver several messages a GET, which makes this
    /// the dearer estimate); the remaining GETs are polls of an empty queue.
    /// </summary>
    public double MixCeiling(StorageTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var cycles = CycleMethods.Min(m => traffic.Requests.GetValueOrDefault((StorageService.Queue, m)));
        var seconds = traffic.Requests.Sum(r => r.Value / BestRate(OperationFor(r.Key.Service, r.Key.Method)))
            - (cycles / BestRate(QueueSend)) - (cycles / BestRate(QueueReceiveEmpty)) - (cycles / BestRate(QueueDelete))
            + (cycles / BestRate(QueueCycle));
        return seconds > 0 ? traffic.Total / seconds : double.NaN;
    }

    /// <summary>Starts a private Azurite, measures every operation at 1 and 16 in flight, and stops it.</summary>
    public static async Task<StorageCeiling> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var queue = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient("bench-queue");
        var empty = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient("bench-empty");
        var cycle = new QueueServiceClient(azurite.ConnectionString, options).GetQueueClient("bench-cycle");
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("benchtable");
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient("bench-blobs");
        await queue.CreateIfNotExistsAsync(cancellationToken);
        await empty.CreateIfNotExistsAsync(cancellationToken);
        await cycle.CreateIfNotExistsAsync(cancellationToken);
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
            results.Add(await Measure(QueueSend, inFlight, count, _ => queue.SendMessageAsync(message, cancellationToken: cancellationToken)));
            results.Add(await Measure(QueueReceive, inFlight, count, async _ =>
            {
                foreach (var m in (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value)
                {
                    received.Enqueue(m);
                }
            }));
            results.Add(await Measure(QueueDelete, inFlight, count, _ =>
                received.TryDequeue(out var m) ? queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken) : Task.CompletedTask));
            results.Add(await Measure(QueueReceiveEmpty, inFlight, count, _ => empty.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)));

            // How the runtime uses a queue: a message is sent, received and deleted, and the queue stays short (at most
            // one message per worker). Receiving is dearer the more messages a queue holds: the rows above fill it with
            // hundreds first.
            results.Add(await Measure(QueueCycle, inFlight, count, async _ =>
            {
                await cycle.SendMessageAsync(message, cancellationToken: cancellationToken);
                foreach (var m in (await cycle.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value)
                {
                    await cycle.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken);
                }
            }));
            results.Add(await Measure(TableInsert, inFlight, count, i =>
                table.AddEntityAsync(new TableEntity("insert" + run, Key(i)) { ["Payload"] = message, ["Sequence"] = (long)i }, cancellationToken)));
            results.Add(await Measure(TablePointRead, inFlight, count, i =>
                table.GetEntityAsync<TableEntity>("insert" + run, Key(count - 1 - i), cancellationToken: cancellationToken)));
            results.Add(await Measure(TableBatch, inFlight, Batches * inFlight, i =>
                table.SubmitTransactionAsync(
                    Enumerable.Range(0, 100).Select(r => new TableTransactionAction(
                        TableTransactionActionType.Add,
                        new TableEntity($"batch{run}-{i}", r.ToString("D3", CultureInfo.InvariantCulture)) { ["Payload"] = message })),
                    cancellationToken)));
            results.Add(await Measure(BlobUpload, inFlight, count, i =>
                container.GetBlobClient($"{run}/{i}").UploadAsync(payload, overwrite: true, cancellationToken)));
        }

        // The runtime receives in batches; measure that too.
        await queue.ClearMessagesAsync(cancellationToken);
        received.Clear();
        await RoundTripMeasurement.RunAsync("fill", InFlight, 32 * 20, _ => queue.SendMessageAsync(message, cancellationToken: cancellationToken), () => counter.Count, cancellationToken);
        var batchReceive = await Measure(QueueBatchReceive, 1, 20, async _ =>
        {
            foreach (var m in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)).Value)
            {
                received.Enqueue(m);
            }
        });
        results.Add(batchReceive);
        return new StorageCeiling(azurite.ProcessId, results, received.Count / batchReceive.Elapsed.TotalSeconds);

        Task<RoundTripMeasurement> Measure(string name, int inFlight, int count, Func<int, Task> operation) =>
            RoundTripMeasurement.RunAsync(name, inFlight, count, operation, () => counter.Count, cancellationToken);

        static string Key(int i) => i.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the table of measurements and the derived batch rates.</summary>
    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Azurite pid {AzuritePid}, in-memory; {Environment.ProcessorCount} cores; x-ms-version {StorageClientOptions.DefaultServiceVersion}");
        await output.WriteLineAsync(RoundTripMeasurement.Header);
        foreach (var result in Measurements)
        {
            await output.WriteLineAsync(result.ToString());
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"table batch of 100: up to {BestRate(TableBatch) * 100:F0} entities/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"queue receive (32 msgs): {BatchReceiveMessagesPerSecond:F0} messages/s"));
    }

    private static async Task WarmUpAsync(QueueClient queue, TableClient table, BlobContainerClient container, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            await queue.SendMessageAsync("warm-up", cancellationToken: cancellationToken);
            await table.UpsertEntityAsync(new TableEntity("warm-up", i.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
            await container.GetBlobClient("warm-up").UploadAsync(BinaryData.FromString("x"), overwrite: true, cancellationToken);
        }

        await queue.ClearMessagesAsync(cancellationToken);
    }
}
