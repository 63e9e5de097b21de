using Azure.Data.Tables;
using DataOps.MockData.Catalog;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.Tests.MockData.Catalog;

/// <summary>A catalog store on its own Azurite table, plus a discovery service over it.</summary>
internal sealed class CatalogFixture : IAsyncDisposable
{
    private readonly TableClient _table;

    public CatalogFixture(AzuriteFixture azurite)
    {
        _table = new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Tables()).GetTableClient(AzuriteFixture.UniqueName("catalog"));
        Store = new TemplateCatalogStore(_table);
        Discovery = new TemplateDiscoveryService(Store, Library, NullLogger<TemplateDiscoveryService>.Instance);
    }

    public TemplateCatalogStore Store { get; }

    public TemplateLibrary Library { get; } = new();

    public TemplateDiscoveryService Discovery { get; }

    public TableClient Table => _table;

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();
}
