using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DataOps.Benchmarks.Engines;
using DataOps.Benchmarks.Storage;
using DataOps.LocalHost.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// The product's durable engine as the local host runs it: the Durable Functions extension on the WebJobs SDK in its
/// isolated-worker mode with host.json's <c>extensions.durableTask</c> settings and the host's poison bound, the
/// workloads of <see cref="DtfxSequentialFlow"/>, <see cref="DtfxFanOutFlow"/> and <see cref="DtfxNoop"/> as
/// orchestration and activity functions (<see cref="BenchmarkFunctions"/>) run through the orchestration runner, and the
/// <c>[DurableClient]</c> gRPC client, in an in-process host on its own task hub. The engine's storage requests are
/// read from the host's own <c>durable.storage.calls</c> counter (the task hub's clients, by service and method).
/// </summary>
internal sealed class ProductEngine(string connectionString, string hubName) : IDurableEngine
{
    private static readonly HashSet<string> StandardMethods = new(StringComparer.Ordinal) { "GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS" };

    private readonly ConcurrentDictionary<(int Port, string Method), long> _requests = new();
    private MeterListener? _listener;
    private LocalFunctionsHost? _host;
    private DurableTaskClient? _client;

    public string Name => "product";

    public long StorageCalls => _requests.Values.Sum();

    public IReadOnlyList<HttpRequestCount> Requests() => [.. _requests.Select(r => new HttpRequestCount(r.Key.Port, r.Key.Method, r.Value))];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ports = ServicePorts(connectionString);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WorkflowTelemetryNames.Workflows && instrument.Name == "durable.storage.calls")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? service = null, method = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "service")
                {
                    service = tag.Value as string;
                }
                else if (tag.Key == "method")
                {
                    method = tag.Value as string;
                }
            }

            // Labelled as .NET's HTTP metric labels requests (the tables' MERGE as _OTHER), so both sources read alike.
            var key = (ports.GetValueOrDefault(service ?? string.Empty), method is not null && StandardMethods.Contains(method) ? method : "_OTHER");
            _requests.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();

        var builder = LocalFunctionsHost.CreateBuilder(new LocalFunctionsHostOptions { ContentRootPath = AppContext.BaseDirectory, LoadLocalSettings = false });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = connectionString,
            ["extensions:durableTask:hubName"] = hubName,
            ["logging:logLevel:default"] = "Warning",
        });

        // Stopped once the work is done: a graceful stop would wait out idle extended sessions, so it is forced soon.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.AddFunctions(typeof(BenchmarkFunctions));
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _client = _host.Services.GetRequiredService<DurableTaskClient>();
    }

    public async Task<DateTimeOffset> RunSequentialAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.ScheduleNewOrchestrationInstanceAsync(DtfxSequentialFlow.Name, activities, cancellationToken), cancellationToken);

    public async Task<DateTimeOffset> RunFanOutAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.ScheduleNewOrchestrationInstanceAsync(DtfxFanOutFlow.Name, activities, cancellationToken), cancellationToken);

    public async Task<DateTimeOffset> RunManyAsync(string idPrefix, int orchestrations, int activities, CancellationToken cancellationToken)
    {
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            await Client.ScheduleNewOrchestrationInstanceAsync(DtfxSequentialFlow.Name, activities, new StartOrchestrationOptions($"{idPrefix}{i:D5}"), ct));

        // Polled like the other engines' phase: one prefix query of completed instances a second.
        var query = new OrchestrationQuery { InstanceIdPrefix = idPrefix, Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 1000 };
        while (true)
        {
            var completed = 0;
            var last = DateTimeOffset.MinValue;
            await foreach (var instance in Client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
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
            await _host.DisposeAsync();
        }

        _listener?.Dispose();
    }

    private DurableTaskClient Client => _client ?? throw new InvalidOperationException("The engine is not started.");

    /// <summary>The port of each storage service in the connection string (Azurite serves each on its own).</summary>
    private static Dictionary<string, int> ServicePorts(string connection) =>
        connection.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].EndsWith("Endpoint", StringComparison.Ordinal) && pair[0] != "DefaultEndpointsProtocol")
            .ToDictionary(pair => pair[0][..^"Endpoint".Length].ToLowerInvariant(), pair => new Uri(pair[1]).Port);

    // The product client's own wait (its polling pacing is part of what the product costs); timing uses the
    // completion time the engine recorded, not when a poll saw it.
    private async Task<DateTimeOffset> WaitAsync(string instanceId, CancellationToken cancellationToken)
    {
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (done.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            return done.LastUpdatedAt;
        }

        var failed = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        throw new InvalidOperationException($"Benchmark instance {instanceId} ended {done.RuntimeStatus}: {failed?.FailureDetails?.ErrorMessage}");
    }
}
