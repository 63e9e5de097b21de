namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The physical ceiling of the storage layer: round trips per second against a private Azurite for the
/// operations the durable runtime is built from (queue send/receive/delete, table insert and point read, a 100-entity
/// transaction, blob upload), one at a time and with several in flight (<see cref="StorageCeiling"/>).
/// </summary>
public sealed class StorageBenchmarkSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "storage";

    /// <inheritdoc />
    public string Description => "round trips/s against Azurite: queue send/receive/delete, table insert/read, table batch of 100, blob upload";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var ceiling = await StorageCeiling.MeasureAsync(cancellationToken);
        await ceiling.WriteAsync(output);
    }
}
