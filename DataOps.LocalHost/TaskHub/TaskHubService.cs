using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// The task hub service the host runs and the client talks to, built once from the validated settings, with the
/// poison message bound wired into its queue clients.
/// </summary>
internal sealed class TaskHubService
{
    /// <summary>Builds the service from <paramref name="settings"/> (whose client provider is replaced by one with the poison policy).</summary>
    /// <param name="settings">The provider's settings, e.g. from <see cref="TaskHubSettingsMapper.ToSettings"/>.</param>
    /// <param name="maxDequeueCount">Deliveries after which a message is moved to the poison queue.</param>
    /// <param name="loggerFactory">Where a message moved to the poison queue is reported (a warning).</param>
    public TaskHubService(AzureStorageOrchestrationServiceSettings settings, int maxDequeueCount, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plain = settings.StorageAccountClientProvider
            ?? throw new ArgumentException("The settings have no storage account client provider.", nameof(settings));
        var queues = plain.Queue.CreateClient(plain.Queue.CreateOptions());
        PoisonQueue = queues.GetQueueClient(PoisonQueueName(settings.TaskHubName));
        var policy = new PoisonMessagePolicy(PoisonQueue, queues.GetQueueClient, maxDequeueCount,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TaskHubService>());
        settings.StorageAccountClientProvider = new StorageAccountClientProvider(
            plain.Blob, new PoisonAwareQueueClientProvider(plain.Queue, policy), plain.Table);
        Settings = settings;
        Service = new AzureStorageOrchestrationService(settings);
    }

    /// <summary>The settings the service was built with.</summary>
    public AzureStorageOrchestrationServiceSettings Settings { get; }

    /// <summary>The orchestration service (worker and client side).</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>The queue poison messages are moved to: <c>{hub}-poison</c>.</summary>
    public QueueClient PoisonQueue { get; }

    /// <summary>Name of the poison queue of task hub <paramref name="taskHubName"/>.</summary>
    public static string PoisonQueueName(string taskHubName)
    {
        ArgumentNullException.ThrowIfNull(taskHubName);
        return taskHubName.ToLowerInvariant() + "-poison";
    }

    /// <summary>Creates the task hub's queues, tables and containers, and the poison queue, where absent.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await Service.CreateIfNotExistsAsync().ConfigureAwait(false);
        await PoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
