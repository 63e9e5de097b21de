using Azure;
using DataOps.Storage.Blobs;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Blobs;

public sealed class BlobServiceClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetBlobContainersAsync_PrefixWithSmallPages_ListsOnlyMatchingContainersAcrossPages()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Fast());
        var prefix = AzuriteFixture.UniqueName("lc");
        var names = Enumerable.Range(0, 3).Select(i => $"{prefix}-{i}").ToList();
        foreach (var name in names)
        {
            await service.GetBlobContainerClient(name).CreateIfNotExistsAsync(ct);
        }

        var pages = new List<Page<BlobContainerItem>>();
        await foreach (var page in service.GetBlobContainersAsync(prefix, ct).AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal(names, pages.SelectMany(p => p.Values).Select(c => c.Name));
        foreach (var name in names)
        {
            await service.GetBlobContainerClient(name).DeleteIfExistsAsync(ct);
        }
    }
}
