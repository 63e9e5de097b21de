using System.Text.Json;
using Azure.Core;
using DataOps.LocalHost.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.LocalHost.TaskHub;

/// <summary>Registers the task hub worker host.</summary>
internal static class TaskHubWorkerServiceCollectionExtensions
{
    /// <summary>
    /// The converter used unless one is registered: JSON with web defaults (camelCase, case-insensitive reads), as the
    /// Functions isolated worker serialises orchestration inputs, outputs, events and custom status.
    /// </summary>
    public static DataConverter WebJsonDataConverter { get; } = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Adds the task hub worker: settings bound from <c>extensions:durableTask</c> and validated at first use, the task hub
    /// service over the <c>AzureWebJobsStorage</c> connection (identity-based connections use the registered
    /// <see cref="TokenCredential"/>), the hosted worker running the orchestrators and activities added by
    /// <paramref name="register"/>, and a <see cref="DurableTaskClient"/> over the same service.
    /// </summary>
    /// <remarks>
    /// Worker and client share one <see cref="DataConverter"/>: a registered one, else <see cref="WebJsonDataConverter"/>.
    /// The registry is also the <see cref="IOrchestratorCatalog"/> the Durable management API starts instances from.
    /// The worker's metrics and traces (meter and activity source <c>DataOps.Workflows</c>) are recorded whenever a
    /// listener, such as the host's OpenTelemetry providers, is attached.
    /// </remarks>
    public static IServiceCollection AddTaskHubWorker(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<TaskHubWorkerRegistry>? register = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = new TaskHubOptions();
        configuration.GetSection(TaskHubOptions.SectionName).Bind(options);
        var registry = new TaskHubWorkerRegistry();
        register?.Invoke(registry);

        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<IOrchestratorCatalog>(registry);
        services.TryAddSingleton<DataConverter>(WebJsonDataConverter);
        services.AddMetrics();
        services.TryAddSingleton<WorkflowTelemetry>();
        services.AddSingleton(sp =>
        {
            var settings = TaskHubSettingsMapper.ToSettings(options, configuration, sp.GetService<TokenCredential>(), sp.GetService<ILoggerFactory>());
            TaskHubSettingsMapper.AddStorageCallCounting(settings, sp.GetRequiredService<WorkflowTelemetry>());
            return new TaskHubService(settings, options.MaxDequeueCount, sp.GetService<ILoggerFactory>());
        });
        services.AddSingleton(sp => new TaskHubWorkerHost(
            sp.GetRequiredService<TaskHubService>(),
            registry,
            sp.GetRequiredService<IServiceScopeFactory>(),
            options,
            sp.GetRequiredService<DataConverter>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<WorkflowTelemetry>()));
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubWorkerHost>());
        services.AddSingleton<DurableTaskClient>(sp => new TaskHubDurableTaskClient(
            options.HubName,
            sp.GetRequiredService<TaskHubService>().Service,
            new TaskHubDurableTaskClientOptions { DataConverter = sp.GetRequiredService<DataConverter>() }));
        return services;
    }
}
