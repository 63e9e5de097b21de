
using DataOps.Glean.Http;
using DataOps.Glean.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataOps.Glean;

/// <summary>Registers the Glean adapter.</summary>
public static class GleanServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IGleanConnectorService"/> and its typed HTTP clients, configured from the <c>Glean</c>
    /// section. Each client's chain is: the resilience handler (total timeout, retry, circuit breaker, client-side rate
    /// limiter, attempt timeout; one pipeline per API), then the attempt timing, then the socket handler.
    /// </summary>
    public static IServiceCollection AddGleanAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GleanOptions>()
            .Bind(configuration.GetSection(GleanOptions.SectionName))
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Glean:BaseUrl must be an absolute URL")
            .Validate(o => o.MaxDocumentsPerPage is > 0 and <= 1000, "Glean:MaxDocumentsPerPage must be between 1 and 1000")
            .Validate(o => o.MaxPageBytes > 0, "Glean:MaxPageBytes must be positive")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Glean:AttemptTimeout must be positive")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, "Glean:TotalTimeout must be at least Glean:AttemptTimeout")
            .Validate(o => o.CircuitFailureRatio is > 0 and <= 1, "Glean:CircuitFailureRatio must be in (0, 1]")
            .Validate(o => o.BackgroundShare is > 0 and <= 1, "Glean:BackgroundShare must be in (0, 1]");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GleanOptions>, SearchIdentityValidation>());

        // At start-up, not at the first validation: a dataset should never be the first to learn no one can see it.
        services.AddOptions<GleanOptions>().ValidateOnStart();

        // The resilience pipelines take their clock from the container; tests register a controllable one first.
        services.TryAddSingleton(TimeProvider.System);

        AddClient<GleanIndexingClient>(services, GleanApi.Indexing);
        AddClient<GleanSearchClient>(services, GleanApi.Search);
        services.TryAddSingleton<DatasourceAudiences>();
        services.AddMetrics();
        services.TryAddSingleton<ConnectorCallMeter>();
        services.TryAddTransient<IGleanConnectorService, GleanConnectorService>();
        return services;
    }

    private static void AddClient<TClient>(IServiceCollection services, GleanApi api)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>((provider, client) =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<GleanOptions>>().Value.BaseUrl.ToString();
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

            // Timeouts belong to the resilience pipeline; the client must not cut across retries.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler("glean", (builder, context) => GleanResilience.Configure(builder, context, api));
        client.AddHttpMessageHandler(() => new GleanAttemptTimingHandler());
    }
}
