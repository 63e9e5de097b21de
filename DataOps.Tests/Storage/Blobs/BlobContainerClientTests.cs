using Azure;
using DataOps.Storage.Blobs;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Blobs;

public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private readonly BlobServiceClient _service = new(azurite.ConnectionString, StorageTestOptions.Fast());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_CreatesOnceAndExists()
    {
        var container = _service.GetBlobContainerClient(AzuriteFixture.UniqueName("cont"));
        Assert.False((await container.ExistsAsync(Ct)).Value);

        Assert.True((await container.CreateIfNotExistsAsync(Ct)).Value);
        Assert.False((await container.CreateIfNotExistsAsync(Ct)).Value);
        Assert.True((await container.ExistsAsync(Ct)).Value);

        Assert.True((await container.DeleteIfExistsAsync(Ct)).Value);
        Assert.False((await container.DeleteIfExistsAsync(Ct)).Value);
    }

    [Theory]
    [InlineData("UpperCase")]
    [InlineData("ab")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("under_score")]
    public void GetBlobContainerClient_InvalidName_ThrowsArgumentException(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => _service.GetBlobContainerClient(name));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBlobsAsync_ManyPages_ReturnsEveryBlobWithPrefixInOrder()
    {
        var container = _service.GetBlobContainerClient(AzuriteFixture.UniqueName("list"));
        await container.CreateIfNotExistsAsync(Ct);
        var names = Enumerable.Range(0, 7).Select(i => $"runs/{i:D2}.json").ToList();
        foreach (var name in names.Concat(["other/x.json", "runsx.json"]))
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), cancellationToken: Ct);
        }

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync("runs/", Ct).AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(names, pages.SelectMany(p => p.Values).Select(b => b.Name));
        Assert.All(pages.SelectMany(p => p.Values), b => Assert.Equal(b.Name.Length, b.ContentLength));
        await container.DeleteIfExistsAsync(Ct);
    }

    [Fact]
    public async Task GetBlobsAsync_NoPrefix_ListsAllIncludingMetadata()
    {
        var container = _service.GetBlobContainerClient(AzuriteFixture.UniqueName("all"));
        await container.CreateIfNotExistsAsync(Ct);
        await container.GetBlobClient("a").UploadAsync(
            BinaryData.FromString("1"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["tag"] = "x" } }, Ct);
        await container.GetBlobClient("b/c").UploadAsync(BinaryData.FromString("2"), cancellationToken: Ct);

        var items = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: Ct))
        {
            items.Add(item);
        }

        Assert.Equal(["a", "b/c"], items.Select(i => i.Name));
        Assert.Equal("x", items[0].Metadata["tag"]);
        Assert.NotEqual(default, items[0].ETag);
        await container.DeleteIfExistsAsync(Ct);
    }

    [Fact]
    public async Task GetBlobsAsync_MissingContainer_Throws404ContainerNotFound()
    {
        var container = _service.GetBlobContainerClient(AzuriteFixture.UniqueName("none"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await foreach (var unused in container.GetBlobsAsync(cancellationToken: Ct))
            {
                Assert.Fail("no blob expected");
            }
        });

        Assert.Equal(404, ex.Status);
        Assert.Equal("ContainerNotFound", ex.ErrorCode);
    }
}
