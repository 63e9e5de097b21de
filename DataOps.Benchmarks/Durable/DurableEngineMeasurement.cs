using System.Diagnostics;
using DataOps.Benchmarks.Storage;
using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Durable;

/// <summary>One timed run of the engine: activities completed, seconds, storage round trips and their mix.</summary>
internal sealed record DurablePhase(string Name, int Activities, double Seconds, long StorageCalls, StorageTraffic Traffic, TimeSpan AzuriteCpu)
{
    /// <summary>Azurite's CPU time over the phase, as a share of one core (its request handling is one Node.js thread).</summary>
    public double AzuriteCpuShare => AzuriteCpu.TotalSeconds / Seconds;

    public double ActivitiesPerSecond => Activities / Seconds;

    public double CallsPerActivity => (double)StorageCalls / Activities;

    public double CallsPerSecond => StorageCalls / Seconds;
}

/// <summary>
/// Engine throughput of the durable runtime on one host against a private Azurite: sequential activities of one
/// instance, fan-out activities, many small orchestrations, and the storage round trips each needed (counted by the
/// runtime's own pipeline policy; their mix by <see cref="HttpRequestMeter"/>).
/// </summary>
internal static class DurableEngineMeasurement
{
    public const int SequentialActivities = 300;
    public const int FanOutActivities = 1000;

    // 1000 instances were tried: in-memory Azurite becomes CPU-bound (one node thread near 100 %) as its tables
    // grow and the run takes minutes, so the suite measures 300.
    public const int Orchestrations = 300;

    /// <summary>Runs the sequential, fan-out and many-orchestrations phases, in that order.</summary>
    public static async Task<(DurablePhase Sequential, DurablePhase FanOut, DurablePhase Many)> RunAsync(CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        using var requests = new HttpRequestMeter();
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
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var metrics = host.Services.GetRequiredService<DurableMetrics>();
            await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), 5, cancellation: cancellationToken), cancellationToken);

            var sequential = await MeasureAsync("sequential", SequentialActivities, async () =>
                await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), SequentialActivities, cancellation: cancellationToken), cancellationToken));
            var fanOut = await MeasureAsync("fan-out", FanOutActivities, async () =>
                await WaitAsync(client, await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutFlow), FanOutActivities, cancellation: cancellationToken), cancellationToken));
            var many = await MeasureAsync("many orchestrations", Orchestrations * 5, () => RunManyAsync(client, cancellationToken));
            return (sequential, fanOut, many);

            async Task<DurablePhase> MeasureAsync(string name, int activities, Func<Task> run)
            {
                var calls = metrics.StorageCallTotal;
                var before = requests.Snapshot();
                var cpu = azurite.CpuTime();
                var watch = Stopwatch.StartNew();
                await run();
                var seconds = watch.Elapsed.TotalSeconds;
                return new DurablePhase(name, activities, seconds, metrics.StorageCallTotal - calls, StorageTraffic.Between(before, requests.Snapshot(), azurite), azurite.CpuTime() - cpu);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
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

    private static async Task WaitAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var done = await client.WaitForInstanceCompletionAsync(id, false, cancellationToken);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Benchmark instance {id} ended {done.RuntimeStatus}: {done.FailureDetails}");
        }
    }

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
