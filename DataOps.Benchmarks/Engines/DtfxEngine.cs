using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Benchmarks.Durable;
using DataOps.Benchmarks.Storage;
using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using SdkTaskName = Microsoft.DurableTask.TaskName;

namespace DataOps.Benchmarks.Engines;

/// <summary>
/// The Durable Task Framework (DurableTask.Core) on its Azure Storage provider, as Durable Functions runs it: a
/// <see cref="TaskHubWorker"/> over an <see cref="AzureStorageOrchestrationService"/>, with the class-based SDK's
/// orchestrators and activities turned into framework objects by <see cref="DurableTaskShimFactory"/>. The provider's
/// storage clients carry a <see cref="StorageRequestMix"/>, so its requests are counted apart from other engines'.
/// </summary>
internal sealed class DtfxEngine(string connectionString, string taskHubName, DtfxConfiguration configuration) : IDurableEngine
{
    private readonly StorageRequestMix _counter = new();
    private AzureStorageOrchestrationService? _service;
    private TaskHubWorker? _worker;
    private TaskHubClient? _client;

    public string Name => configuration.Name;

    /// <summary>The settings the engine runs with, as host.json would give them.</summary>
    public DtfxConfiguration Configuration => configuration;

    /// <summary>The provider's settings once started (null before).</summary>
    public AzureStorageOrchestrationServiceSettings? Settings { get; private set; }

    public long StorageCalls => _counter.Total;

    public IReadOnlyList<HttpRequestCount> Requests() => _counter.Snapshot();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, Counted(new BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connectionString, Counted(new QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connectionString, Counted(new TableClientOptions())));
        Settings = configuration.CreateSettings(taskHubName, storage);
        _service = new AzureStorageOrchestrationService(Settings);
        await _service.CreateIfNotExistsAsync();

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
        _worker = new TaskHubWorker(_service, NullLoggerFactory.Instance);
        _worker.AddTaskOrchestrations(
            new ShimObjectCreator<TaskOrchestration>(DtfxSequentialFlow.Name, () => shims.CreateOrchestration(new SdkTaskName(DtfxSequentialFlow.Name), new DtfxSequentialFlow())),
            new ShimObjectCreator<TaskOrchestration>(DtfxFanOutFlow.Name, () => shims.CreateOrchestration(new SdkTaskName(DtfxFanOutFlow.Name), new DtfxFanOutFlow())));
        _worker.AddTaskActivities(new ShimObjectCreator<TaskActivity>(DtfxNoop.Name, () => shims.CreateActivity(new SdkTaskName(DtfxNoop.Name), new DtfxNoop())));
        await _worker.StartAsync();
        _client = new TaskHubClient(_service, loggerFactory: NullLoggerFactory.Instance);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task<DateTimeOffset> RunSequentialAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.CreateOrchestrationInstanceAsync(DtfxSequentialFlow.Name, string.Empty, activities), cancellationToken);

    public async Task<DateTimeOffset> RunFanOutAsync(int activities, CancellationToken cancellationToken) =>
        await WaitAsync(await Client.CreateOrchestrationInstanceAsync(DtfxFanOutFlow.Name, string.Empty, activities), cancellationToken);

    public async Task<DateTimeOffset> RunManyAsync(string idPrefix, int orchestrations, int activities, CancellationToken cancellationToken)
    {
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, _) =>
            await Client.CreateOrchestrationInstanceAsync(DtfxSequentialFlow.Name, string.Empty, $"{idPrefix}{i:D5}", activities));

        // Polled like the product engine's phase: one prefix query of completed instances a second.
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            InstanceIdPrefix = idPrefix, RuntimeStatus = [OrchestrationStatus.Completed], FetchInput = false, FetchOutput = false,
        };
        while (true)
        {
            var completed = 0;
            var last = DateTime.MinValue;
            string? continuation = null;
            do
            {
                var page = await Service.GetOrchestrationStateAsync(condition, 1000, continuation, cancellationToken);
                foreach (var state in page.OrchestrationState)
                {
                    completed++;
                    last = state.LastUpdatedTime > last ? state.LastUpdatedTime : last;
                }

                continuation = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation));

            if (completed == orchestrations)
            {
                return Utc(last);
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            // Forced: the work is done, and a graceful stop would wait out idle extended sessions. Bounded, because a
            // worker whose partitions stalled can hang in stop; the benchmark's Azurite goes down by pid regardless.
            try
            {
                await _worker.StopAsync(isForced: true).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                return;
            }

            _worker.Dispose();
        }
    }

    private TaskHubClient Client => _client ?? throw new InvalidOperationException("The engine is not started.");

    private AzureStorageOrchestrationService Service => _service ?? throw new InvalidOperationException("The engine is not started.");

    private T Counted<T>(T options)
        where T : ClientOptions
    {
        options.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    // The client's own WaitForOrchestrationAsync polls every 2 s; this polls from 20 ms, growing by half up to 1 s,
    // the same for every configuration, so they cost alike in completion polls. Timing uses the recorded completion
    // time, not when a poll saw it.
    private async Task<DateTimeOffset> WaitAsync(OrchestrationInstance instance, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var state = (await Service.GetOrchestrationStateAsync(instance.InstanceId, allExecutions: false, fetchInput: false)).FirstOrDefault();
            switch (state?.OrchestrationStatus)
            {
                case OrchestrationStatus.Completed:
                    return Utc(state.LastUpdatedTime);
                case OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled:
                    throw new InvalidOperationException($"Benchmark instance {instance.InstanceId} ended {state.OrchestrationStatus}: {state.Output}");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 1000));
        }
    }

    // The provider stores its times in UTC.
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
