using DataOps.MockData.Catalog;
using DataOps.MockData.Generation;
using DataOps.MockData.Sanitization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

using Microsoft.Extensions.Options;

namespace DataOps.MockData;

/// <summary>Registers the mock-data source: templates, generator, catalog, discovery and the pilot sanitizer.</summary>
public static class MockDataServiceCollectionExtensions
{
    /// <summary>Adds the mock-data services; storage comes from the registered <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/> (see <c>AddDataOps</c>).</summary>
    public static IServiceCollection AddMockData(this IServiceCollection services)
    {
        services.AddOptions<MockDataOptions>().BindConfiguration(MockDataOptions.SectionName);
        services.AddSingleton<TemplateLibrary>();
        services.AddSingleton<MockDataGenerator>();
        services.AddSingleton(sp =>
        {
            var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<IOptions<MockDataOptions>>().Value.CatalogTable);
            return new TemplateCatalogStore(table);
        });
        services.AddSingleton<TemplateDiscoveryService>();
        services.AddSingleton<IPilotExportSource>(sp => new BlobPilotExportSource(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<MockDataOptions>>().Value.PilotExportContainer)));
        services.AddSingleton<PilotDataSanitizer>();
        services.AddHostedService<TemplateCatalogInitializer>();
        return services;
    }
}
