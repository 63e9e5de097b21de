using Azure;
using DataOps.Storage.Queues;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Queues;

public sealed class QueueServiceClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetQueuesAsync_PrefixWithSmallPages_ListsOnlyMatchingQueuesAcrossPages()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = new QueueServiceClient(azurite.ConnectionString, StorageTestOptions.Fast());
        var prefix = AzuriteFixture.UniqueName("lq");
        var names = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var name in names)
        {
            await service.GetQueueClient(name).CreateIfNotExistsAsync(ct);
        }

        var pages = new List<Page<QueueItem>>();
        await foreach (var page in service.GetQueuesAsync(prefix, ct).AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(names, pages.SelectMany(p => p.Values).Select(q => q.Name));
        foreach (var name in names)
        {
            await service.GetQueueClient(name).DeleteIfExistsAsync(ct);
        }
    }
}
