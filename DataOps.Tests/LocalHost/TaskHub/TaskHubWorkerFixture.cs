using System.Text.Json;
using DataOps.LocalHost.TaskHub;
using DataOps.Tests.Infrastructure;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using static DataOps.Tests.LocalHost.TaskHub.ClientTestTasks;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>
/// One task hub of its own on the shared Azurite, a <see cref="TaskHubWorker"/> running <see cref="ClientTestTasks"/>
/// through the SDK's shims, and the <see cref="TaskHubDurableTaskClient"/> under test over the same service.
/// The hub is deleted at the end.
/// </summary>
public sealed class TaskHubWorkerFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>
    /// Not the default converter (camelCase names), shared by worker and client: tests can tell from the stored
    /// JSON that the client used the configured converter and encoded payloads once.
    /// </summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private AzureStorageOrchestrationService? _service;
    private TaskHubWorker? _worker;
    private TaskHubDurableTaskClient? _client;

    public string TaskHubName { get; } = AzuriteFixture.UniqueName("dtclient");

    /// <summary>The task hub's client side, for looking behind the adapter (e.g. at an instance's history).</summary>
    public IOrchestrationServiceClient Service => _service ?? throw new InvalidOperationException("The fixture has not started.");

    internal TaskHubDurableTaskClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(azurite.ConnectionString),
            TaskHubName = TaskHubName,
            WorkerId = TaskHubName,
            // One control queue and short polling keep a round trip well under a second.
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
            LeaseAcquireInterval = TimeSpan.FromSeconds(1),
            LeaseRenewInterval = TimeSpan.FromSeconds(1),
            UseAppLease = false,
        });
        await _service.CreateIfNotExistsAsync();

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = Converter }, NullLoggerFactory.Instance);
        _worker = new TaskHubWorker(_service, NullLoggerFactory.Instance)
        {
            // Without this the worker keeps only a serialized exception and the failure details stay empty.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        _worker.AddTaskOrchestrations(
            Orchestration<Greet>(),
            Orchestration<Describe>(),
            Orchestration<AwaitApproval>(),
            Orchestration<Explode>());
        _worker.AddTaskActivities(
            new ShimObjectCreator<TaskActivity>(nameof(Shout), () => shims.CreateActivity(nameof(Shout), new Shout())));
        await _worker.StartAsync();

        _client = new TaskHubDurableTaskClient("tests", _service, new TaskHubDurableTaskClientOptions { DataConverter = Converter });

        ShimObjectCreator<TaskOrchestration> Orchestration<T>()
            where T : ITaskOrchestrator, new() =>
            new(typeof(T).Name, () => shims.CreateOrchestration(typeof(T).Name, new T()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_worker is not null)
        {
            await _worker.StopAsync(isForced: true);
            _worker.Dispose();
        }

        if (_service is not null)
        {
            await _service.DeleteAsync();
        }
    }
}
