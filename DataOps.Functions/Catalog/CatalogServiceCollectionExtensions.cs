using DataOps.MockData;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions.Catalog;

/// <summary>Registers the template catalog's HTTP API over the mock-data supplier.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>Adds the mock-data supplier (<see cref="MockDataServiceCollectionExtensions.AddMockData"/>) and the catalog's request handlers.</summary>
    public static IServiceCollection AddTemplateCatalog(this IServiceCollection services)
    {
        services.AddMockData();
        services.TryAddSingleton<TemplateCatalogHandlers>();
        return services;
    }
}
