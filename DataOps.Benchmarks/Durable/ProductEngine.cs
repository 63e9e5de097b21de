using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Benchmarks.Engines;
using DataOps.Benchmarks.Storage;
using DataOps.LocalHost.TaskHub;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// The product's durable engine as the local host registers it (<see cref="TaskHubWorkerServiceCollectionExtensions.AddTaskHubWorker"/>:
/// the Durable Task Framework on its Azure Storage provider with host.json's <c>extensions.durableTask</c> settings,
/// the poison bound and the product's <see cref="DurableTaskClient"/>) in an in-process host on its own task hub,
/// running the workloads of <see cref="DtfxSequentialFlow"/>, <see cref="DtfxFanOutFlow"/> and <see cref="DtfxNoop"/>.
/// The one difference from the product: the provider's storage clients carry a <see cref="StorageRequestMix"/>, so
/// the engine's requests are counted apart from anything else the process sends.
/// </summary>
internal sealed class ProductEngine(string connectionString, string hubName) : IDurableEngine
{
    private readonly StorageRequestMix _counter = new();
    private IHost? _host;
    private DurableTaskClient? _client;

    public string Name => "product";

    public long StorageCalls => _counter.Total;

    public IReadOnlyList<HttpRequestCount> Requests() => _counter.Snapshot();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Stopped once the work is done: a graceful stop would wait out idle extended sessions, so it is forced soon.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            [TaskHubOptions.SectionName + ":hubName"] = hubName,
        });
        builder.Services.AddTaskHubWorker(builder.Configuration, registry => registry
            .AddOrchestrator<DtfxSequentialFlow>()
            .AddOrchestrator<DtfxFanOutFlow>()
            .AddActivity<DtfxNoop>());

        // The engine exactly as registered (same settings, same poison bound), over storage clients that count requests.
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<TaskHubOptions>();
            var settings = TaskHubSettingsMapper.ToSettings(options, builder.Configuration, loggerFactory: services.GetService<ILoggerFactory>());
            settings.StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, Counted(new BlobClientOptions())),
                StorageServiceClientProvider.ForQueue(connectionString, Counted(new QueueClientOptions())),
                StorageServiceClientProvider.ForTable(connectionString, Counted(new TableClientOptions())));
            return new TaskHubService(settings, options.MaxDequeueCount);
        });
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
            _host.Dispose();
        }
    }

    private DurableTaskClient Client => _client ?? throw new InvalidOperationException("The engine is not started.");

    private T Counted<T>(T options)
        where T : ClientOptions
    {
        options.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        return options;
    }

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
