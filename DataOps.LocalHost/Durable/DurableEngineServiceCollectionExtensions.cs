using Azure.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.LocalHost.Durable;

/// <summary>Registers the durable engine host.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: settings bound from <c>extensions:durableTask</c> and validated at first use, the task hub
    /// service over the <c>AzureWebJobsStorage</c> connection (identity-based connections use the registered
    /// <see cref="TokenCredential"/>), the hosted worker running the orchestrators and activities added by
    /// <paramref name="register"/>, and a <see cref="DurableTaskClient"/> over the same service.
    /// </summary>
    /// <remarks>
    /// Worker and client share one <see cref="DataConverter"/>: a registered one, else the SDK's JSON converter.
    /// </remarks>
    public static IServiceCollection AddDurableEngine(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<DurableEngineRegistry>? register = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = new DurableEngineOptions();
        configuration.GetSection(DurableEngineOptions.SectionName).Bind(options);
        var registry = new DurableEngineRegistry();
        register?.Invoke(registry);

        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.AddSingleton(sp => new DurableEngine(
            DurableEngineSettingsMapper.ToSettings(options, configuration, sp.GetService<TokenCredential>(), sp.GetService<ILoggerFactory>()),
            options.MaxDequeueCount));
        services.AddSingleton<DurableEngineHost>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngineHost>());
        services.AddSingleton<DurableTaskClient>(sp => new TaskHubDurableTaskClient(
            options.HubName,
            sp.GetRequiredService<DurableEngine>().Service,
            new TaskHubDurableTaskClientOptions { DataConverter = sp.GetRequiredService<DataConverter>() }));
        return services;
    }
}
