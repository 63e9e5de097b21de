using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Timers;
using Microsoft.Extensions.Azure;

namespace DataOps.LocalHost.Hosting;

/// <summary>Registers one background listener per timer function that is not disabled (queue triggers are the Storage Queues extension's).</summary>
internal static class HostListeners
{
    public static void Add(IServiceCollection services, IReadOnlyList<IndexedFunction> functions)
    {
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
