using DataOps.Durable.Client;
using DataOps.Durable.Runtime.Dispatch;
using DataOps.Durable.Runtime.Replay;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataOps.Durable.Runtime;

/// <summary>Wires the Azure Storage runtime (task hub, worker, client) into dependency injection.</summary>
internal static class DurableTaskRuntimeRegistration
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DurableTaskOptions>, DurableTaskOptionsValidator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value);
        services.TryAddSingleton<DurableMetrics>();
        services.TryAddSingleton<WorkerLifetime>();
        services.TryAddSingleton<LocalWakeups>();
        services.TryAddSingleton<ConcurrencyLimits>();
        services.TryAddSingleton<TaskHubStorage>();
        services.TryAddSingleton<LargePayloadStore>();
        services.TryAddSingleton<HistoryStore>();
        services.TryAddSingleton<InstanceStore>();
        services.TryAddSingleton<MessageSender>();
        services.TryAddSingleton<QueueMaintenance>();
        services.TryAddSingleton<ControlMessageIntake>();
        services.TryAddSingleton<EpisodeProcessor>();
        services.TryAddSingleton<ActivityRunner>();
        services.TryAddSingleton<ActivityDispatcher>();
        services.TryAddSingleton(sp => new OrchestrationExecutor(
            sp.GetRequiredService<DurableTaskRegistry>(), sp, sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<DurableTaskOptions>().MaxPayloadBytes));
        services.TryAddSingleton(sp =>
        {
            var hub = sp.GetRequiredService<TaskHubStorage>();
            var listenerLogger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<ControlQueueListener>();
            return new PartitionManager(
                hub,
                partition => new ControlQueueListener(
                    partition, hub.ControlQueues[partition], sp.GetRequiredService<EpisodeProcessor>(), sp.GetRequiredService<ControlMessageIntake>(),
                    sp.GetRequiredService<DurableTaskOptions>(), sp.GetRequiredService<LocalWakeups>(),
                    sp.GetRequiredService<ConcurrencyLimits>().Orchestrations, sp.GetRequiredService<WorkerLifetime>(), listenerLogger),
                sp.GetRequiredService<DurableTaskOptions>(),
                sp.GetRequiredService<WorkerLifetime>(),
                sp.GetRequiredService<ILogger<PartitionManager>>());
        });
        services.TryAddSingleton<DurableTaskWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskWorker>());
        services.TryAddSingleton<DurableTaskClient, AzureStorageDurableTaskClient>();
    }
}
