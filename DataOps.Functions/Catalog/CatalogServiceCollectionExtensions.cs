using DataOps.MockData;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions.Catalog;

/// <summary>Registers the template catalog API.</summary>
internal static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Adds the mock-data supplier (its catalog store, discovery and generator) and the handlers the template functions
    /// call. The supplier is its own project and does not know the app's HTTP handlers, so they are registered here.
    /// </summary>
    public static IServiceCollection AddTemplateCatalog(this IServiceCollection services)
    {
        services.AddMockData();
        services.TryAddSingleton<TemplateCatalogHandlers>();
        return services;
    }
}
