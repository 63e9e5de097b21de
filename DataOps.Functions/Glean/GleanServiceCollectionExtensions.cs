using DataOps.Functions.Glean.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Glean;

/// <summary>Registers the Glean adapter.</summary>
public static class GleanServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IGleanConnectorService"/> and its typed HTTP clients, configured from the <c>Glean</c>
    /// section. Each client's chain is: resilience (retry, circuit breaker, per-attempt timeout), then the
    /// client-side rate limiter (so every attempt takes a permit), then the socket handler.
    /// </summary>
    public static IServiceCollection AddGleanAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GleanOptions>()
            .Bind(configuration.GetSection(GleanOptions.SectionName))
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Glean:BaseUrl must be an absolute URL")
            .Validate(o => o.MaxDocumentsPerPage is > 0 and <= 1000, "Glean:MaxDocumentsPerPage must be between 1 and 1000")
            .Validate(o => o.MaxPageBytes > 0, "Glean:MaxPageBytes must be positive")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Glean:AttemptTimeout must be positive")
            .Validate(o => o.CircuitFailureRatio is > 0 and <= 1, "Glean:CircuitFailureRatio must be in (0, 1]");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GleanRateLimiters>();
        services.TryAddSingleton<GleanResiliencePipelines>();

        AddClient<GleanIndexingClient>(services, GleanApi.Indexing);
        AddClient<GleanSearchClient>(services, GleanApi.Search);
        services.TryAddTransient<IGleanConnectorService, GleanConnectorService>();
        return services;
    }

    private static void AddClient<TClient>(IServiceCollection services, GleanApi api)
        where TClient : class =>
        services.AddHttpClient<TClient>((provider, client) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<GleanOptions>>().Value.BaseUrl.ToString();
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // Timeouts belong to the resilience pipeline (per attempt); the client must not cut across retries.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(provider => new GleanResilienceHandler(provider.GetRequiredService<GleanResiliencePipelines>().For(api)))
            .AddHttpMessageHandler(provider => new GleanRateLimitHandler(provider.GetRequiredService<GleanRateLimiters>(), api));
}
