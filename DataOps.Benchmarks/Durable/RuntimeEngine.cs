using DataOps.Benchmarks.Storage;
using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// The repository's durable runtime in an in-process host on its own task hub. Its storage calls are counted by the
/// runtime's own pipeline policy; its request mix comes from <paramref name="requests"/> (the process's HTTP meter,
/// less whatever other engines in the process sent), since the runtime's clients take no extra policy.
/// </summary>
internal sealed class RuntimeEngine(string connectionString, string hubName, Func<IReadOnlyList<HttpRequestCount>> requests) : IDurableEngine
{
    private IHost? _host;
    private DurableTaskClient? _client;
    private DurableMetrics? _metrics;

    public string Name => "runtime";

    public long StorageCalls => _metrics?.StorageCallTotal ?? 0;

    public IReadOnlyList<HttpRequestCount> Requests() => requests();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTask(o =>
        {
            o.HubName = hubName;
            o.ConnectionString = connectionString;
            o.MaxConcurrentActivityFunctions = 64;
            o.MaxConcurrentOrchestratorFunctions = 64;
        }).AddOrchestrator<SequentialFlow>().AddOrchestrator<FanOutFlow>().AddActivity<Noop>();
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _client = _host.Services.GetRequiredService<DurableTaskClient>();
        _metrics = _host.Services.GetRequiredService<DurableMetrics>();
    }

    public async Task<DateTimeOffset> RunSequentialAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), activities, cancellation: cancellationToken), cancellationToken);

    public async Task<DateTimeOffset> RunFanOutAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutFlow), activities, cancellation: cancellationToken), cancellationToken);

    public async Task<DateTimeOffset> RunManyAsync(string idPrefix, int orchestrations, int activities, CancellationToken cancellationToken)
    {
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequentialFlow), activities, new StartOrchestrationOptions($"{idPrefix}{i:D5}"), ct));
        while (true)
        {
            var completed = 0;
            var last = DateTimeOffset.MinValue;
            await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = idPrefix, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 1000,
            }).WithCancellation(cancellationToken))
            {
                completed++;
                last = instance.LastUpdatedAt > last ? instance.LastUpdatedAt : last;
            }

            if (completed == orchestrations)
            {
                return last;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
    }

    private DurableTaskClient Client => _client ?? throw new InvalidOperationException("The engine is not started.");

    private async Task<DateTimeOffset> WaitAsync(string id, CancellationToken cancellationToken)
    {
        var done = await Client.WaitForInstanceCompletionAsync(id, false, cancellationToken);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? done.LastUpdatedAt
            : throw new InvalidOperationException($"Benchmark instance {id} ended {done.RuntimeStatus}: {done.FailureDetails}");
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
