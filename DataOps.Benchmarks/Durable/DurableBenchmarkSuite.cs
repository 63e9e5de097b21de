using System.Diagnostics;
using System.Globalization;
using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// Engine throughput of the durable runtime on one host against a private Azurite: sequential activities of one
/// instance, fan-out activities, many small orchestrations, and storage round trips per activity (counted by a
/// pipeline policy on every storage client of the runtime).
/// </summary>
public sealed class DurableBenchmarkSuite : IBenchmarkSuite
{
    private const int SequentialActivities = 300;
    private const int FanOutActivities = 1000;
    // 1000 instances were tried: in-memory Azurite becomes CPU-bound (one node thread near 100 %) as its tables
    // grow and the run takes minutes, so the suite measures 300.
    private const int Orchestrations = 300;

    public string Name => "durable";

    public string Description => "durable runtime on Azurite: sequential and fan-out activities/s, orchestrations/s, storage calls per activity";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTask(o =>
        {
            o.HubName = "BenchHub";
            o.ConnectionString = azurite.ConnectionString;
            o.MaxConcurrentActivityFunctions = 64;
            o.MaxConcurrentOrchestratorFunctions = 64;
        }).AddOrchestrator<SequentialFlow>().AddOrchestrator<FanOutFlow>().AddActivity<Noop>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var metrics = host.Services.GetRequiredService<DurableMetrics>();
        await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), 5, cancellation: cancellationToken), cancellationToken);

        var rows = new List<(string Name, string Value, string Target)>();
        var (seconds, calls) = await MeasureAsync(metrics, async () =>
            await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), SequentialActivities, cancellation: cancellationToken), cancellationToken));
        rows.Add(("sequential activities/s (1 instance)", F(SequentialActivities / seconds), ">= 50"));
        await output.WriteLineAsync($"sequential: {seconds:F1} s, {calls} storage calls");
        rows.Add(("storage round trips per sequential activity", F((double)calls / SequentialActivities), "<= 6"));

        (seconds, calls) = await MeasureAsync(metrics, async () =>
            await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutFlow), FanOutActivities, cancellation: cancellationToken), cancellationToken));
        rows.Add(($"fan-out activities/s ({FanOutActivities} in one instance)", F(FanOutActivities / seconds), ">= 300"));
        await output.WriteLineAsync($"fan-out: {seconds:F1} s, {calls} storage calls");
        rows.Add(("storage round trips per fan-out activity", F((double)calls / FanOutActivities), "<= 6"));

        (seconds, calls) = await MeasureAsync(metrics, () => RunManyAsync(client, cancellationToken));
        rows.Add(($"orchestrations of 5 activities/s ({Orchestrations} instances)", F(Orchestrations / seconds), "-"));
        rows.Add(("storage round trips per activity (many orchestrations)", F((double)calls / (Orchestrations * 5)), "<= 6"));
        await host.StopAsync(cancellationToken);

        await output.WriteLineAsync($"{"measure",-58} {"value",10} {"target",8}");
        foreach (var (name, value, target) in rows)
        {
            await output.WriteLineAsync($"{name,-58} {value,10} {target,8}");
        }
    }

    private static async Task RunManyAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var ids = new string[Orchestrations];
        await Parallel.ForAsync(0, Orchestrations, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            ids[i] = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), 5, new StartOrchestrationOptions($"many-{i:D5}"), ct));
        while (true)
        {
            var completed = 0;
            await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = "many-", Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 1000,
            }).WithCancellation(cancellationToken))
            {
                completed++;
            }

            if (completed == Orchestrations)
            {
                return;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task<(double Seconds, long Calls)> MeasureAsync(DurableMetrics metrics, Func<Task> run)
    {
        var calls = metrics.StorageCallTotal;
        var watch = Stopwatch.StartNew();
        await run();
        return (watch.Elapsed.TotalSeconds, metrics.StorageCallTotal - calls);
    }

    private static async Task WaitAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var done = await client.WaitForInstanceCompletionAsync(id, false, cancellationToken);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Benchmark instance {id} ended {done.RuntimeStatus}: {done.FailureDetails}");
        }
    }

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private sealed class SequentialFlow : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var sum = 0;
            for (var i = 0; i < input; i++)
            {
                sum += await context.CallActivityAsync<int>(nameof(Noop), i);
            }

            return sum;
        }
    }

    private sealed class FanOutFlow : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(Noop), i)));
            return results.Sum();
        }
    }

    private sealed class Noop : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
    }
}
