using System.Diagnostics;
using DataOps.Benchmarks.Storage;
using DataOps.Testing;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// One timed run of the engine: activities completed, seconds (start to the engine's recorded completion), storage
/// round trips and their mix and Azurite's CPU time, both over the observed window (start until a poll saw the end).
/// </summary>
internal sealed record DurablePhase(string Name, int Activities, double Seconds, long StorageCalls, StorageTraffic Traffic, TimeSpan AzuriteCpu, double ObservedSeconds)
{
    /// <summary>Azurite's CPU time over the phase, as a share of one core (its request handling is one Node.js thread).</summary>
    public double AzuriteCpuShare => AzuriteCpu.TotalSeconds / ObservedSeconds;

    public double ActivitiesPerSecond => Activities / Seconds;

    public double CallsPerActivity => (double)StorageCalls / Activities;

    public double CallsPerSecond => StorageCalls / ObservedSeconds;
}

/// <summary>
/// Engine throughput of a durable engine against Azurite: sequential activities of one instance, fan-out activities,
/// many small orchestrations, and the storage round trips each needed (counted by the engine itself, see
/// <see cref="IDurableEngine.StorageCalls"/>; their mix from <see cref="IDurableEngine.Requests"/>).
/// </summary>
internal static class DurableEngineMeasurement
{
    public const int SequentialActivities = 300;
    public const int FanOutActivities = 1000;

    // 1000 instances were tried: in-memory Azurite becomes CPU-bound (one node thread near 100 %) as its tables
    // grow and the run takes minutes, so the suite measures 300.
    public const int Orchestrations = 300;

    /// <summary>Activities in each of the many orchestrations.</summary>
    public const int ActivitiesPerOrchestration = 5;

    /// <summary>The product's engine (<see cref="ProductEngine"/>) on a private Azurite: the sequential, fan-out and many-orchestrations phases, in that order.</summary>
    public static async Task<(DurablePhase Sequential, DurablePhase FanOut, DurablePhase Many)> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        await using var engine = new ProductEngine(azurite.ConnectionString, "BenchHub");
        await engine.StartAsync(cancellationToken);
        await engine.RunSequentialAsync(5, cancellationToken);
        var sequential = await SequentialAsync(engine, azurite, SequentialActivities, cancellationToken);
        var fanOut = await FanOutAsync(engine, azurite, FanOutActivities, cancellationToken);
        var many = await ManyAsync(engine, azurite, "many-", Orchestrations, cancellationToken);
        return (sequential, fanOut, many);
    }

    /// <summary>Times one orchestration of <paramref name="activities"/> sequential activities.</summary>
    public static Task<DurablePhase> SequentialAsync(IDurableEngine engine, AzuriteProcess azurite, int activities, CancellationToken cancellationToken) =>
        MeasureAsync(engine, azurite, "sequential", activities, ct => engine.RunSequentialAsync(activities, ct), cancellationToken);

    /// <summary>Times one orchestration fanning out <paramref name="activities"/> activities.</summary>
    public static Task<DurablePhase> FanOutAsync(IDurableEngine engine, AzuriteProcess azurite, int activities, CancellationToken cancellationToken) =>
        MeasureAsync(engine, azurite, "fan-out", activities, ct => engine.RunFanOutAsync(activities, ct), cancellationToken);

    /// <summary>Times <paramref name="orchestrations"/> orchestrations of <see cref="ActivitiesPerOrchestration"/> activities started at once.</summary>
    public static Task<DurablePhase> ManyAsync(IDurableEngine engine, AzuriteProcess azurite, string idPrefix, int orchestrations, CancellationToken cancellationToken) =>
        MeasureAsync(engine, azurite, "many orchestrations", orchestrations * ActivitiesPerOrchestration,
            ct => engine.RunManyAsync(idPrefix, orchestrations, ActivitiesPerOrchestration, ct), cancellationToken);

    private static async Task<DurablePhase> MeasureAsync(
        IDurableEngine engine, AzuriteProcess azurite, string name, int activities, Func<CancellationToken, Task<DateTimeOffset>> run, CancellationToken cancellationToken)
    {
        var calls = engine.StorageCalls;
        var before = engine.Requests();
        var cpu = azurite.CpuTime();
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var completedAt = await run(cancellationToken);
        var observed = watch.Elapsed.TotalSeconds;

        // The engine's own completion time, not the moment a completion poll (up to 1 s apart) noticed it; the
        // observed time only if the recorded one is implausible (outside the run).
        var recorded = (completedAt - started).TotalSeconds;
        var seconds = recorded > 0 && recorded <= observed ? recorded : observed;
        return new DurablePhase(name, activities, seconds, engine.StorageCalls - calls, StorageTraffic.Between(before, engine.Requests(), azurite), azurite.CpuTime() - cpu, observed);
    }
}
