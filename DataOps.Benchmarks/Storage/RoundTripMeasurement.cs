using System.Diagnostics;
using System.Globalization;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// Round trips of one operation at a given number in flight: throughput, latency percentiles and the bytes the
/// process allocated meanwhile (all threads: nothing else runs while an operation is measured).
/// </summary>
internal sealed record RoundTripMeasurement(string Operation, int InFlight, int Count, TimeSpan Elapsed, double P50Ms, double P95Ms, double MaxMs, long RoundTrips, long AllocatedBytes)
{
    public double OperationsPerSecond => Count / Elapsed.TotalSeconds;

    public double RoundTripsPerSecond => RoundTrips / Elapsed.TotalSeconds;

    public double RoundTripsPerOperation => (double)RoundTrips / Count;

    public double AllocatedBytesPerOperation => (double)AllocatedBytes / Count;

    /// <summary>Runs <paramref name="operation"/> <paramref name="count"/> times with <paramref name="inFlight"/> workers.</summary>
    public static async Task<RoundTripMeasurement> RunAsync(
        string name, int inFlight, int count, Func<int, Task> operation, Func<long> roundTrips, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(roundTrips);
        var latencies = new double[count];
        var next = -1;
        var before = roundTrips();

        // Process-wide and precise: the per-thread count misses what continuations allocate on other threads.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                await operation(index);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(latencies);
        return new RoundTripMeasurement(
            name, inFlight, count, clock.Elapsed, latencies[count / 2], latencies[(int)(count * 0.95)], latencies[^1], roundTrips() - before, allocated);
    }

    public static string Header =>
        $"{"operation",-28} {"in flight",9} {"ops",6} {"ops/s",9} {"round trips/s",14} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"req/op",7} {"KiB/op",7}";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Operation,-28} {InFlight,9} {Count,6} {OperationsPerSecond,9:F0} {RoundTripsPerSecond,14:F0} {P50Ms,8:F2} {P95Ms,8:F2} {MaxMs,8:F0} {RoundTripsPerOperation,7:F2} {AllocatedBytesPerOperation / 1024,7:F1}");
}
