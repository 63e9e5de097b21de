using System.Globalization;
using System.Text;
using DataOps.Tests.Infrastructure;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The storage ceiling measured with the hand-written clients (DataOps.Storage) and with the Azure SDK against one
/// Azurite, interleaved: each step runs with one library and then the other (the order swapped every repetition),
/// so that load from elsewhere on the machine falls on both alike. Kept only until the hand-written clients go.
/// </summary>
public sealed class StorageCompareSuite : IBenchmarkSuite
{
    private const int Repetitions = 8;

    /// <inheritdoc />
    public string Name => "storage-compare";

    /// <inheritdoc />
    public string Description => "the storage ceiling with the hand-written clients and the Azure SDK, interleaved on one Azurite";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var repetitions = options.Quick ? 1 : Repetitions;
        if (options.Quick)
        {
            await output.WriteLineAsync("--quick: one repetition; for development, not for publication");
        }

        var started = DateTimeOffset.UtcNow;
        var loads = new List<string> { LoadAverage() };
        await output.WriteLineAsync($"load average before: {loads[0]}");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var oldCounter = new StorageRequestCounter();
        var sdkCounter = new StorageRequestCounter();
        var pairs = new List<(RoundTripMeasurement Old, RoundTripMeasurement Sdk)>();
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            // New queues, table and container every repetition: Azurite keeps everything in memory, and a table
            // grown by earlier repetitions would make later ones slower for both libraries.
            var old = new HandWrittenCeilingClients(azurite.ConnectionString, $"old{repetition}", oldCounter);
            var sdk = new CeilingClients(azurite.ConnectionString, $"sdk{repetition}", sdkCounter);
            await old.CreateAsync(cancellationToken);
            await sdk.CreateAsync(cancellationToken);
            await old.WarmUpAsync(cancellationToken);
            await sdk.WarmUpAsync(cancellationToken);
            var oldFirst = repetition % 2 == 0;
            await output.WriteLineAsync($"-- repetition {repetition + 1} of {repetitions}, {(oldFirst ? "hand-written" : "SDK")} first");
            await output.WriteLineAsync($"{"library",-12} {RoundTripMeasurement.Header}");
            foreach (var (oldStep, sdkStep) in StorageCeiling.Steps(old, cancellationToken).Zip(StorageCeiling.Steps(sdk, cancellationToken)))
            {
                await (oldStep.Prepare?.Invoke() ?? Task.CompletedTask);
                await (sdkStep.Prepare?.Invoke() ?? Task.CompletedTask);
                RoundTripMeasurement oldResult, sdkResult;
                if (oldFirst)
                {
                    oldResult = await oldStep.MeasureAsync(oldCounter, cancellationToken);
                    sdkResult = await sdkStep.MeasureAsync(sdkCounter, cancellationToken);
                }
                else
                {
                    sdkResult = await sdkStep.MeasureAsync(sdkCounter, cancellationToken);
                    oldResult = await oldStep.MeasureAsync(oldCounter, cancellationToken);
                }

                pairs.Add((oldResult, sdkResult));
                await output.WriteLineAsync($"{"hand-written",-12} {oldResult}");
                await output.WriteLineAsync($"{"SDK",-12} {sdkResult}");
            }

            await old.DeleteAsync(cancellationToken);
            await sdk.DeleteAsync(cancellationToken);
            loads.Add(LoadAverage());
            await output.WriteLineAsync($"load average: {loads[^1]}");
        }

        var summary = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Started {started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; .NET {Environment.Version}; one in-memory Azurite (pid {azurite.ProcessId}); {repetitions} repetitions, interleaved per operation.")
            .AppendLine(CultureInfo.InvariantCulture, $"hand-written: {HandWrittenCeilingClients.Library}; x-ms-version sent: {StorageCeiling.DescribeVersions(oldCounter, azurite)}; {oldCounter.Count} requests, {oldCounter.FailedCount} with status >= 400")
            .AppendLine(CultureInfo.InvariantCulture, $"SDK: {CeilingClients.Library}; x-ms-version sent: {StorageCeiling.DescribeVersions(sdkCounter, azurite)}; {sdkCounter.Count} requests, {sdkCounter.FailedCount} with status >= 400")
            .AppendLine(CultureInfo.InvariantCulture, $"load average (1, 5, 15 min) before: {loads[0]}; after each repetition: {string.Join(" | ", loads.Skip(1))}")
            .AppendLine()
            .AppendLine("ops/s: median over the repetitions; ratio: SDK / hand-written, median (min-max) of the pairs measured back to back; requests and KiB allocated per operation: over all repetitions.")
            .AppendLine()
            .AppendLine("| operation | in flight | hand-written ops/s | SDK ops/s | ratio SDK / hand-written | requests per op (hand-written / SDK) | KiB allocated per op (hand-written / SDK) |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in pairs.GroupBy(p => (p.Old.Operation, p.Old.InFlight)))
        {
            var ratios = group.Select(p => p.Sdk.OperationsPerSecond / p.Old.OperationsPerSecond).ToList();
            summary.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Operation} | {group.Key.InFlight} | {Median(group.Select(p => p.Old.OperationsPerSecond)):F0} | {Median(group.Select(p => p.Sdk.OperationsPerSecond)):F0} " +
                $"| {Median(ratios):F2} ({ratios.Min():F2}-{ratios.Max():F2}) " +
                $"| {PerOperation(group.Select(p => p.Old), m => m.RoundTrips):F2} / {PerOperation(group.Select(p => p.Sdk), m => m.RoundTrips):F2} " +
                $"| {PerOperation(group.Select(p => p.Old), m => m.AllocatedBytes) / 1024:F1} / {PerOperation(group.Select(p => p.Sdk), m => m.AllocatedBytes) / 1024:F1} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(summary.ToString());
        if (options.ReportPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, summary.ToString(), cancellationToken);
            await output.WriteLineAsync($"report written to {path}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double PerOperation(IEnumerable<RoundTripMeasurement> measurements, Func<RoundTripMeasurement, long> value)
    {
        var list = measurements.ToList();
        return (double)list.Sum(value) / list.Sum(m => m.Count);
    }

    // The machine's run queue over 1, 5 and 15 minutes, as the kernel reports it; "n/a" where there is none.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
