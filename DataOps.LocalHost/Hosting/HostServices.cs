using DataOps.Functions.Workflows;
using DataOps.LocalHost.Hosting.Http;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Timers;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Registers what the host needs: options from host.json, the key check, and one background listener per timer function
/// that is not disabled (queue triggers are the Storage Queues extension's).
/// </summary>
internal static class HostServices
{
    public static void Add(IServiceCollection services, IReadOnlyList<IndexedFunction> functions)
    {
        services.AddOptions<HttpOptions>().BindConfiguration("extensions:http")
            .Validate(o => o.MaxRequestBodySize > 0, "extensions.http.maxRequestBodySize must be positive");
        services.AddOptions<SingletonOptions>().BindConfiguration("singleton")
            .Validate(o => o.ListenerLockPeriod >= TimeSpan.FromSeconds(15) && o.ListenerLockPeriod <= TimeSpan.FromSeconds(60), "singleton.listenerLockPeriod must be 15-60 seconds")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FunctionKeyAuthorizer>();
        // Starters answer with links to this host's management API, not the Functions host's.
        services.Replace(ServiceDescriptor.Singleton<IHttpManagementLinks, WebJobs.ManagementLinks>());
        services.AddMvcCore();
        services.AddAzureClientsCore();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<TimerHostSettings>();
        foreach (var function in functions.Where(f => !f.Disabled))
        {
            if (function.Trigger is TimerTriggerDefinition timer)
            {
                services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerListener>(sp, function, timer));
            }
        }
    }
}
