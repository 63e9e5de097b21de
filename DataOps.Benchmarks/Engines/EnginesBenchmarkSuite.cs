using System.Diagnostics;
using System.Globalization;
using DataOps.Benchmarks.Durable;
using DataOps.Testing;

namespace DataOps.Benchmarks.Engines;

/// <summary>
/// The Durable Task Framework's Azure Storage provider with default settings and tuned side by side on ONE Azurite,
/// each on its own task hub, with the workloads and measurement of the <c>durable</c> suite. The engines take turns
/// phase by phase, so machine load drifting over the run hits both alike; both stay started throughout, and each
/// counts its own storage requests, so an idle engine's polling is not charged to the one being measured (it does
/// show in Azurite's CPU, which the suite reports at idle).
/// </summary>
public sealed class EnginesBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "engines";

    public string Description => "DTFx Azure Storage provider, default vs tuned, on one Azurite: activities/s, orchestrations/s, round trips";

    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var sequentialCount = options.Quick ? 60 : DurableEngineMeasurement.SequentialActivities;
        var fanOutCount = options.Quick ? 200 : DurableEngineMeasurement.FanOutActivities;
        var orchestrations = options.Quick ? 50 : DurableEngineMeasurement.Orchestrations;
        if (options.Quick)
        {
            await output.WriteLineAsync("--quick: development sizes, figures not for publication");
        }

        var loadBefore = LoadAverage();
        await output.WriteLineAsync($"load average before (1/5/15 min): {loadBefore}; {Environment.ProcessorCount} cores");

        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        DtfxEngine[] engines =
        [
            new(azurite.ConnectionString, "DtfxDefault", DtfxConfiguration.Default),
            new(azurite.ConnectionString, "DtfxTuned", DtfxConfiguration.Tuned),
        ];
        try
        {
            foreach (var engine in engines)
            {
                await engine.StartAsync(cancellationToken);
                await engine.RunSequentialAsync(5, cancellationToken);
            }

            foreach (var engine in engines)
            {
                await output.WriteLineAsync($"{engine.Name}: host.json (extensions.durableTask): {(engine.Configuration.HostJson() is { Count: > 0 } json ? string.Join("; ", json) : "nothing set")}");
                await output.WriteLineAsync($"  provider settings: {string.Join(", ", DtfxConfiguration.Describe(engine.Settings!))}");
            }

            await output.WriteLineAsync(await IdleAsync(azurite, engines, cancellationToken));

            // Each phase runs every engine in turn, starting with a different one each time; a short warm-up
            // right before each measurement means an engine's polling, backed off while the others ran, is not timed.
            var results = engines.ToDictionary(e => e, _ => new Dictionary<string, DurablePhase>());
            var phases = new (string Name, Func<IDurableEngine, Task<DurablePhase>> Run)[]
            {
                ("sequential", e => DurableEngineMeasurement.SequentialAsync(e, azurite, sequentialCount, cancellationToken)),
                ("fan-out", e => DurableEngineMeasurement.FanOutAsync(e, azurite, fanOutCount, cancellationToken)),
                ("many", e => DurableEngineMeasurement.ManyAsync(e, azurite, "many-", orchestrations, cancellationToken)),
            };
            for (var p = 0; p < phases.Length; p++)
            {
                for (var i = 0; i < engines.Length; i++)
                {
                    var engine = engines[(p + i) % engines.Length];
                    await engine.RunSequentialAsync(5, cancellationToken);
                    var others = engines.Where(e => e != engine).ToArray();
                    var othersBefore = others.Sum(e => e.StorageCalls);
                    var phase = await phases[p].Run(engine);
                    results[engine][phases[p].Name] = phase;

                    // The idle engines' requests in the same window: what else Azurite served meanwhile.
                    var othersCalls = others.Sum(e => e.StorageCalls) - othersBefore;
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{engine.Name,-13} {phases[p].Name,-10} {phase.Seconds,6:F1} s {phase.ActivitiesPerSecond,7:F1} activities/s {phase.StorageCalls,6} storage calls, other engines meanwhile {othersCalls}, Azurite CPU {phase.AzuriteCpuShare:P0} ({phase.Traffic.Describe()})"));
                }
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync($"load average after (1/5/15 min): {LoadAverage()}");
            await output.WriteLineAsync();
            var rows = new (string Name, Func<Dictionary<string, DurablePhase>, double> Value, string Format)[]
            {
                ($"sequential activities/s ({sequentialCount} in one instance)", r => r["sequential"].ActivitiesPerSecond, "F1"),
                ($"fan-out activities/s ({fanOutCount} in one instance)", r => r["fan-out"].ActivitiesPerSecond, "F1"),
                ($"orchestrations of 5 activities/s ({orchestrations} instances)", r => orchestrations / r["many"].Seconds, "F1"),
                ("storage round trips per sequential activity", r => r["sequential"].CallsPerActivity, "F1"),
                ("storage round trips per fan-out activity", r => r["fan-out"].CallsPerActivity, "F1"),
                ("storage round trips per activity, many orchestrations", r => r["many"].CallsPerActivity, "F1"),
                ("Azurite CPU, sequential (% of one core)", r => 100 * r["sequential"].AzuriteCpuShare, "F0"),
                ("Azurite CPU, fan-out (% of one core)", r => 100 * r["fan-out"].AzuriteCpuShare, "F0"),
                ("Azurite CPU, many orchestrations (% of one core)", r => 100 * r["many"].AzuriteCpuShare, "F0"),
            };
            await output.WriteLineAsync($"| measure | {string.Join(" | ", engines.Select(e => e.Name))} |");
            await output.WriteLineAsync($"| --- |{string.Concat(Enumerable.Repeat(" --- |", engines.Length))}");
            foreach (var (name, value, format) in rows)
            {
                await output.WriteLineAsync($"| {name} | {string.Join(" | ", engines.Select(e => value(results[e]).ToString(format, CultureInfo.InvariantCulture)))} |");
            }
        }
        finally
        {
            foreach (var engine in engines)
            {
                await engine.DisposeAsync();
            }
        }
    }

    // What the engines cost while nobody uses them: the background every measured phase carries in Azurite's CPU.
    private static async Task<string> IdleAsync(AzuriteProcess azurite, IReadOnlyList<IDurableEngine> engines, CancellationToken cancellationToken)
    {
        var calls = engines.Select(e => e.StorageCalls).ToArray();
        var cpu = azurite.CpuTime();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var share = (azurite.CpuTime() - cpu).TotalSeconds / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"idle, all engines started: Azurite CPU {share:P0}; storage requests/s: {string.Join(", ", engines.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {(e.StorageCalls - calls[i]) / seconds:F1}")))}");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
