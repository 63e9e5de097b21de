using System.Globalization;
using DataOps.LocalHost.Hosting;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Puts the WebJobs SDK beside the HTTP host with the extensions the Functions host runs for an isolated app: the
/// Durable Functions extension (orchestrations, activities, <c>[DurableClient]</c>, management API) in its
/// isolated-worker mode, and the Storage Queues extension (queue triggers, poison queues).
/// </summary>
internal static class WebJobsHostServices
{
    /// <summary>The task hub's poison bound (<c>extensions:durableTask:maxDequeueCount</c>) when not configured.</summary>
    public const int DefaultTaskHubMaxDequeueCount = 20;

    /// <summary>
    /// Whether the functions need the extensions: an orchestration, activity or queue function, or a
    /// <c>[DurableClient]</c> parameter. A host of HTTP and timer functions only runs without them.
    /// </summary>
    public static bool AreNeededBy(IReadOnlyList<IndexedFunction> functions) =>
        functions.Any(f => f.Trigger is DurableTriggerDefinition or QueueTriggerDefinition
            || f.Method.GetParameters().Any(p => p.IsDefined(typeof(Microsoft.Azure.Functions.Worker.DurableClientAttribute), false)));

    public static void Add(IServiceCollection services, ConfigurationManager configuration, IReadOnlyList<IndexedFunction> functions)
    {
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The Functions host hands host.json to the extensions under a root of its own; this host loads host.json at
            // the configuration's root, so the extensions read extensions:durableTask and extensions:queues from there.
            ["AzureWebJobsConfigurationSection"] = string.Empty,
            // The extension picks its out-of-process protocol (gRPC, as for an isolated worker) from this setting.
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            // The task hub worker's name (the owner the partition leases record) is "{stamp}:{role instance}" from these
            // two settings, which App Service sets per instance; without them it is the machine name, the same for every
            // host on one machine. Here the instance is the process, so hosts sharing a machine stay apart.
            ["WEBSITE_CURRENT_STAMPNAME"] = configuration["WEBSITE_CURRENT_STAMPNAME"] is { Length: > 0 } stamp ? stamp : Environment.MachineName,
            ["RoleInstanceId"] = configuration["RoleInstanceId"] is { Length: > 0 } role ? role : Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        });
        services.AddWebJobs(_ => { })
            .AddDurableTask()
            .AddAzureStorageQueues();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobHostService>());
        services.Replace(ServiceDescriptor.Singleton<ITypeLocator>(new FunctionSetLocator(FunctionSetEmitter.Emit(functions))));
#pragma warning disable CS0618 // The extension needs a webhook provider; the Functions host registers one too.
        services.AddSingleton<IWebHookProvider, LocalWebHookProvider>();
#pragma warning restore CS0618
#pragma warning disable CS0612 // Marked obsolete for apps; it is how a host tells the extension where it runs.
        services.Replace(ServiceDescriptor.Singleton<IPlatformInformation, LocalPlatformInformation>());
#pragma warning restore CS0612

        services.AddMetrics();
        services.AddSingleton<WorkflowTelemetry>();
        services.AddSingleton(sp => new FunctionBridge(sp, functions, sp.GetRequiredService<WorkflowTelemetry>()));
        services.AddSingleton(sp => new DurableTaskShimFactory(
            new DurableTaskWorkerOptions
            {
                DataConverter = new JsonDataConverter(FunctionBridge.Json),
                MaximumTimerInterval = configuration.GetValue("extensions:durableTask:maxTimerInterval", TimeSpan.FromDays(3)),
            },
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableClientSource>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableClientSource>());
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableClientSource>().Client);
        AddTaskHubPoisonBound(services, configuration);
    }

    private static void AddTaskHubPoisonBound(IServiceCollection services, IConfiguration configuration)
    {
        var maxDequeueCount = configuration.GetValue("extensions:durableTask:maxDequeueCount", DefaultTaskHubMaxDequeueCount);
        services.AddSingleton(sp =>
        {
            var prefix = (sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value.HubName ?? string.Empty).ToLowerInvariant() + "-";
            var poison = prefix + "poison";
            var queues = new Lazy<Azure.Storage.Queues.QueueServiceClient>(() => sp.GetRequiredService<StorageClients>().Queues());
            return new TaskHubPoisonPolicy(
                queue => queue.StartsWith(prefix, StringComparison.Ordinal) && queue != poison,
                () => queues.Value.GetQueueClient(poison),
                queue => queues.Value.GetQueueClient(queue),
                maxDequeueCount,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<TaskHubPoisonPolicy>());
        });
        var inner = services.Last(d => d.ServiceType == TaskHubStorageClients.ServiceType);
        services.Remove(inner);
        services.AddSingleton(TaskHubStorageClients.ServiceType, sp => TaskHubStorageClients.Create(
            ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!), sp.GetRequiredService<TaskHubPoisonPolicy>, sp.GetRequiredService<WorkflowTelemetry>()));
    }

    private sealed class FunctionSetLocator(Type type) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [type];
    }
}
