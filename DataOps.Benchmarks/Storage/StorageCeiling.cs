using System.Globalization;
using DataOps.Testing;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The physical ceiling of the storage layer, measured against a private Azurite: round trips per second of the
/// operations the durable runtime and the registry are built from, one at a time and with several in flight, with
/// the official Azure SDK clients (<see cref="CeilingClients"/>).
/// </summary>
internal sealed record StorageCeiling(
    int AzuritePid, string Library, string VersionsSent, IReadOnlyList<RoundTripMeasurement> Measurements, double BatchReceiveMessagesPerSecond)
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

    /// <summary>Entities in one entity-group transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>What every queue message and table payload carries: the size and shape of a durable runtime event.</summary>
    public const string Message = "{\"instanceId\":\"0123456789abcdef\",\"eventType\":\"TaskScheduled\",\"payload\":\"x\"}";

    private static readonly string[] CycleMethods = ["POST", "GET", "DELETE"];
    private const int Sequential = 400;
    private const int Concurrent = 800;
    private const int InFlight = 16;
    private const int Batches = 20;

    /// <summary>What every blob upload writes: 1 KiB.</summary>
    public static BinaryData Blob { get; } = BinaryData.FromBytes(new byte[1024]);

    /// <summary>How long a received message stays invisible: longer than any run, so that nothing is received twice.</summary>
    public static TimeSpan Invisible { get; } = TimeSpan.FromMinutes(5);

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
        var clients = new CeilingClients(azurite.ConnectionString, "bench", counter);
        await clients.CreateAsync(cancellationToken);
        await clients.WarmUpAsync(cancellationToken);

        var results = new List<RoundTripMeasurement>();
        var batchReceive = double.NaN;
        foreach (var step in Steps(clients, cancellationToken))
        {
            if (step.Prepare is { } prepare)
            {
                await prepare();
            }

            var received = clients.MessagesReceived;
            var result = await step.MeasureAsync(counter, cancellationToken);
            results.Add(result);
            if (step.Operation == QueueBatchReceive)
            {
                batchReceive = (clients.MessagesReceived - received) / result.Elapsed.TotalSeconds;
            }
        }

        return new StorageCeiling(azurite.ProcessId, CeilingClients.Library, DescribeVersions(counter, azurite), results, batchReceive);
    }

    /// <summary>
    /// The measurements in the order they run: every operation at 1 and at 16 in flight, then batch receives. Each
    /// step may rely on the ones before it (receives drain what sends filled, deletes remove what receives got, point
    /// reads find what inserts wrote), so steps run in order, on clients whose queues, table and container are new.
    /// </summary>
    public static IEnumerable<CeilingStep> Steps(CeilingClients clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var (inFlight, count) in new[] { (1, Sequential), (InFlight, Concurrent) })
        {
            var run = $"-{inFlight}";
            yield return new(QueueSend, inFlight, count, _ => clients.SendAsync(cancellationToken));
            yield return new(QueueReceive, inFlight, count, _ => clients.ReceiveAsync(1, cancellationToken));
            yield return new(QueueDelete, inFlight, count, _ => clients.DeleteReceivedAsync(cancellationToken));
            yield return new(QueueReceiveEmpty, inFlight, count, _ => clients.ReceiveEmptyAsync(cancellationToken));

            // How the runtime uses a queue: a message is sent, received and deleted, and the queue stays short (at most
            // one message per worker). Receiving is dearer the more messages a queue holds: the rows above fill it with
            // hundreds first.
            yield return new(QueueCycle, inFlight, count, _ => clients.CycleAsync(cancellationToken));
            yield return new(TableInsert, inFlight, count, i => clients.InsertAsync("insert" + run, Key(i), i, cancellationToken));
            yield return new(TablePointRead, inFlight, count, i => clients.PointReadAsync("insert" + run, Key(count - 1 - i), cancellationToken));
            yield return new(TableBatch, inFlight, Batches * inFlight, i => clients.BatchAsync($"batch{run}-{i}", cancellationToken));
            yield return new(BlobUpload, inFlight, count, i => clients.UploadAsync($"{run}/{i}", cancellationToken));
        }

        // The runtime receives in batches; measure that too, from a queue filled with exactly enough messages.
        yield return new(QueueBatchReceive, 1, Batches, _ => clients.ReceiveAsync(32, cancellationToken), async () =>
        {
            await clients.ClearAsync(cancellationToken);
            await RoundTripMeasurement.RunAsync("fill", InFlight, 32 * Batches, _ => clients.SendAsync(cancellationToken), () => 0, cancellationToken);
        });

        static string Key(int i) => i.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>x-ms-version</c> each service was sent, e.g. <c>blob 2021-12-02, queue 2021-12-02, table 2020-12-06</c>.</summary>
    public static string DescribeVersions(StorageRequestCounter counter, AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(azurite);
        var services = new Dictionary<int, string>
        {
            [azurite.BlobEndpoint.Port] = "blob",
            [azurite.QueueEndpoint.Port] = "queue",
            [azurite.TableEndpoint.Port] = "table",
        };
        return string.Join(", ", counter.VersionsSent
            .Select(v => $"{services.GetValueOrDefault(v.Port, v.Port.ToString(CultureInfo.InvariantCulture))} {v.Version}")
            .Order(StringComparer.Ordinal));
    }

    /// <summary>Writes the table of measurements and the derived batch rates.</summary>
    public async Task WriteAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Azurite pid {AzuritePid}, in-memory; {Environment.ProcessorCount} cores; {Library}; x-ms-version sent: {VersionsSent}");
        await output.WriteLineAsync(RoundTripMeasurement.Header);
        foreach (var result in Measurements)
        {
            await output.WriteLineAsync(result.ToString());
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"table batch of 100: up to {BestRate(TableBatch) * 100:F0} entities/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"queue receive (32 msgs): {BatchReceiveMessagesPerSecond:F0} messages/s"));
    }
}
