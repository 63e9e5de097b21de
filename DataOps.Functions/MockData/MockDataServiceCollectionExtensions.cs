using DataOps.Functions.MockData.Api;
using DataOps.Functions.MockData.Catalog;
using DataOps.Functions.MockData.Generation;
using DataOps.Functions.MockData.Sanitization;
using DataOps.Storage.Blobs;
using DataOps.Storage.Tables;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.MockData;

/// <summary>Registers the mock-data source: templates, generator, catalog, discovery, pilot sanitizer and the catalog API handlers.</summary>
public static class MockDataServiceCollectionExtensions
{
    /// <summary>Adds the mock-data services; storage comes from the <c>AzureWebJobsStorage</c> connection setting.</summary>
    public static IServiceCollection AddMockData(this IServiceCollection services)
    {
        services.AddOptions<MockDataOptions>().BindConfiguration(MockDataOptions.SectionName);
        services.AddSingleton<TemplateLibrary>();
        services.AddSingleton<MockDataGenerator>();
        services.AddSingleton(sp =>
        {
            var table = new TableServiceClient(StorageConnection(sp)).GetTableClient(sp.GetRequiredService<IOptions<MockDataOptions>>().Value.CatalogTable);
            return new TemplateCatalogStore(table);
        });
        services.AddSingleton<TemplateDiscoveryService>();
        services.AddSingleton<TemplateCatalogHandlers>();
        services.AddSingleton<IPilotExportSource>(sp => new BlobPilotExportSource(
            new BlobServiceClient(StorageConnection(sp)).GetBlobContainerClient(sp.GetRequiredService<IOptions<MockDataOptions>>().Value.PilotExportContainer)));
        services.AddSingleton<PilotDataSanitizer>();
        services.AddHostedService<TemplateCatalogInitializer>();
        return services;
    }

    private static string StorageConnection(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        return configuration["AzureWebJobsStorage"] is { Length: > 0 } value ? value
            : configuration.GetConnectionString("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true";
    }
}
