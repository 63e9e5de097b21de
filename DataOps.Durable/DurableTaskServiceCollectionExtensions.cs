using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using DataOps.Durable.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Durable;

/// <summary>Registration of the durable task worker and client.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable task worker (a hosted service) and <see cref="Client.DurableTaskClient"/> (a singleton).
    /// Options come from <c>extensions:durableTask</c>, the connection string from <c>AzureWebJobsStorage</c>, then
    /// <paramref name="configure"/>. Calling it again returns a builder over the same registrations.
    /// </summary>
    public static DurableTaskBuilder AddDurableTask(this IServiceCollection services, Action<DurableTaskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(DurableTaskRegistry))?.ImplementationInstance as DurableTaskRegistry;
        var registry = existing ?? new DurableTaskRegistry();
        if (existing is null)
        {
            services.AddSingleton(registry);
            services.AddOptions<DurableTaskOptions>().Configure<IServiceProvider>(static (options, provider) =>
            {
                var configuration = provider.GetService<IConfiguration>();
                if (configuration is null)
                {
                    return;
                }

                configuration.GetSection(DurableTaskOptions.SectionName).Bind(options);
                var connection = configuration["AzureWebJobsStorage"];
                if (!string.IsNullOrWhiteSpace(connection))
                {
                    options.ConnectionString = connection;
                }
            });
            services.TryAddSingleton(TimeProvider.System);
            services.AddLogging();
            services.AddMetrics();
            DurableTaskRuntimeRegistration.Register(services);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new DurableTaskBuilder(services, registry);
    }
}
