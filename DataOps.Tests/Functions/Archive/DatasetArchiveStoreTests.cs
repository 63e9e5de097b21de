using System.Text.Json;
using Azure.Storage.Blobs;
using DataOps.Functions.Archive;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Functions.Archive;

public sealed class DatasetArchiveStoreTests(AzuriteFixture azurite)
{
    private readonly BlobServiceClient _blobs = new(azurite.ConnectionString);

    [Fact]
    public async Task WriteAsync_NewArchive_WritesThreeGzipBlobsThatReadBack()
    {
        var store = NewStore(out _);
        var archive = Archive("ds-1");

        var receipt = await store.WriteAsync(archive, TestContext.Current.CancellationToken);

        Assert.EndsWith("/acme/sandbox/confluence_pages/ds-1/", receipt.Location, StringComparison.Ordinal);
        Assert.True(receipt.CompressedBytes > 0);
        Assert.True(await store.IsCompleteAsync(archive.Folder, TestContext.Current.CancellationToken));
        using var sample = await store.ReadAsync(archive.Folder, "sample_data.json.gz", TestContext.Current.CancellationToken);
        Assert.Equal(2, sample.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task WriteAsync_SameArchiveTwice_SucceedsAndKeepsTheFirstWrite()
    {
        var store = NewStore(out var container);
        var archive = Archive("ds-1");
        await store.WriteAsync(archive, TestContext.Current.CancellationToken);
        var before = (await _blobs.GetBlobContainerClient(container).GetBlobClient(archive.Folder + "metadata.json.gz").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.ETag;

        await store.WriteAsync(archive, TestContext.Current.CancellationToken);

        var after = (await _blobs.GetBlobContainerClient(container).GetBlobClient(archive.Folder + "metadata.json.gz").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.ETag;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task IsCompleteAsync_MissingArchive_ReturnsFalse()
    {
        var store = NewStore(out _);
        await store.WriteAsync(Archive("ds-1"), TestContext.Current.CancellationToken);

        Assert.False(await store.IsCompleteAsync("acme/sandbox/confluence_pages/ds-2/", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PurgeExpiredAsync_PastRetention_DeletesOnlyOldBlobs()
    {
        var store = NewStore(out _);
        var archive = Archive("ds-1");
        await store.WriteAsync(archive, TestContext.Current.CancellationToken);

        var none = await store.PurgeExpiredAsync(DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var all = await store.PurgeExpiredAsync(DateTimeOffset.UtcNow.AddDays(91), TestContext.Current.CancellationToken);

        Assert.Equal(0, none);
        Assert.Equal(3, all);
        Assert.False(await store.IsCompleteAsync(archive.Folder, TestContext.Current.CancellationToken));
    }

    private DatasetArchiveStore NewStore(out string container)
    {
        container = AzuriteFixture.UniqueName("arch");
        return new DatasetArchiveStore(_blobs, Options.Create(new ArchiveOptions { ContainerName = container }));
    }

    private static DatasetArchive Archive(string id)
    {
        using var metadata = JsonDocument.Parse($$"""{"datasetId":"{{id}}","status":"teardown"}""");
        using var sample = JsonDocument.Parse("""[{"id":"1","title":"a"},{"id":"2","title":"b"}]""");
        using var quality = JsonDocument.Parse("""[{"checkType":"schema","score":100}]""");
        return new DatasetArchive("acme", "sandbox", "confluence_pages", id, metadata.RootElement.Clone(), sample.RootElement.Clone(), quality.RootElement.Clone());
    }
}
