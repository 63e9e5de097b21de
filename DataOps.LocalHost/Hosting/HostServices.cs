using DataOps.Functions.Workflows;
using DataOps.LocalHost.Hosting.Http;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Management;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.LocalHost.Hosting;

/// <summary>Registers what the host needs: options from host.json, the key check, the listeners.</summary>
internal static class HostServices
{
    public static void Add(IServiceCollection services, IReadOnlyList<IndexedFunction> functions)
    {
        services.AddOptions<HttpOptions>().BindConfiguration("extensions:http")
            .Validate(o => o.MaxRequestBodySize > 0, "extensions.http.maxRequestBodySize must be positive");
        services.AddOptions<QueuesOptions>().BindConfiguration("extensions:queues")
            .Validate(o => o.BatchSize is >= 1 and <= 32, "extensions.queues.batchSize must be 1-32")
            .Validate(o => o.NewBatchThreshold is null or >= 0, "extensions.queues.newBatchThreshold must not be negative")
            .Validate(o => o.MaxDequeueCount >= 1, "extensions.queues.maxDequeueCount must be at least 1")
            .Validate(o => o.MaxPollingInterval >= o.MinPollingInterval, "extensions.queues.maxPollingInterval must not be below the minimum polling interval")
            .Validate(o => o.MessageLeaseDuration >= TimeSpan.FromSeconds(1), "extensions.queues.messageLeaseDuration must be at least 1 second")
            .ValidateOnStart();
        services.AddOptions<SingletonOptions>().BindConfiguration("singleton")
            .Validate(o => o.ListenerLockPeriod >= TimeSpan.FromSeconds(15) && o.ListenerLockPeriod <= TimeSpan.FromSeconds(60), "singleton.listenerLockPeriod must be 15-60 seconds")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FunctionKeyAuthorizer>();
        // Starters answer with links to this host's management API, not the Functions host's.
        services.Replace(ServiceDescriptor.Singleton<IHttpManagementLinks, ManagementLinks>());
        services.AddMvcCore();
        HostListeners.Add(services, functions);
    }

    /// <summary>A <c>[DurableClient]</c> parameter needs a task hub client in DI; say so at start-up rather than on the first call.</summary>
    public static void CheckDurableClientRegistered(IServiceProvider services, IReadOnlyList<IndexedFunction> functions)
    {
        var checker = services.GetRequiredService<IServiceProviderIsService>();
        foreach (var function in functions)
        {
            foreach (var parameter in function.Method.GetParameters())
            {
                if (function.Trigger is not DurableTriggerDefinition && parameter.IsDefined(typeof(DurableClientAttribute), false) && !checker.IsService(parameter.ParameterType))
                {
                    throw new FunctionIndexingException(
                        $"Function '{function.Name}', parameter '{parameter.Name}': [DurableClient] needs a DurableTaskClient, but none is registered; call services.AddDurableTask(...).");
                }
            }
        }
    }

    /// <summary>
    /// An <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c> function is run by the task hub worker: it needs an
    /// orchestrator or activity of its name there, else the Functions host and this host would run different apps.
    /// </summary>
    public static void CheckDurableTasksRegistered(IServiceProvider services, IReadOnlyList<IndexedFunction> functions)
    {
        var durable = functions.Where(f => f.Trigger is DurableTriggerDefinition).ToList();
        if (durable.Count == 0)
        {
            return;
        }

        var catalog = services.GetService<IOrchestratorCatalog>() ?? throw new FunctionIndexingException(
            $"Function '{durable[0].Name}' is an orchestration or activity function, but no task hub worker is registered to run it.");
        foreach (var function in durable)
        {
            var trigger = (DurableTriggerDefinition)function.Trigger;
            var (names, what) = trigger.Kind == DurableTaskKind.Orchestration
                ? (catalog.OrchestratorNames, "orchestrator")
                : (catalog.ActivityNames, "activity");
            if (!names.Contains(trigger.TaskName, StringComparer.Ordinal))
            {
                throw new FunctionIndexingException(
                    $"Function '{function.Name}': the task hub worker has no {what} named '{trigger.TaskName}'.");
            }
        }
    }
}
