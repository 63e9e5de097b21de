using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Queues;
using DataOps.LocalHost.Hosting.Timers;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting;

/// <summary>Registers one background listener per queue and timer function that is not disabled.</summary>
internal static class HostListeners
{
    public static void Add(IServiceCollection services, IReadOnlyList<IndexedFunction> functions)
    {
        services.AddAzureClientsCore();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<TimerHostSettings>();
        services.AddSingleton<QueueMessageProcessor.Factory>(sp => (function, queue, poison) => new QueueMessageProcessor(
            function, queue, poison, sp, sp.GetRequiredService<IOptions<QueuesOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueMessageProcessor>>()));
        foreach (var function in functions.Where(f => !f.Disabled))
        {
            switch (function.Trigger)
            {
                case QueueTriggerDefinition queue:
                    services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueListener>(sp, function, queue));
                    break;
                case TimerTriggerDefinition timer:
                    services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerListener>(sp, function, timer));
                    break;
            }
        }
    }
}
