using Azure;
using DataOps.Storage.Blobs;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Blobs;

public sealed class BlobClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobContainerClient _container =
        new BlobServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetBlobContainerClient(AzuriteFixture.UniqueName("blob"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _container.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task UploadAsync_NewBlob_DownloadReturnsContentAndProperties()
    {
        var blob = _container.GetBlobClient("dir/sub/a b.json");
        var metadata = new Dictionary<string, string> { ["owner"] = "dataops", ["kind"] = "archive" };

        var uploaded = await blob.UploadAsync(
            BinaryData.FromString("{\"x\":1}"),
            new BlobUploadOptions { ContentType = "application/json", ContentEncoding = "identity", Metadata = metadata },
            Ct);
        var downloaded = await blob.DownloadContentAsync(Ct);

        Assert.Equal("{\"x\":1}", downloaded.Value.Content.ToString());
        Assert.Equal(uploaded.Value.ETag, downloaded.Value.Details.ETag);
        Assert.Equal("application/json", downloaded.Value.Details.ContentType);
        Assert.Equal("identity", downloaded.Value.Details.ContentEncoding);
        Assert.Equal("dataops", downloaded.Value.Details.Metadata["owner"]);
        Assert.Equal("archive", downloaded.Value.Details.Metadata["kind"]);
        Assert.Equal(7, downloaded.Value.Details.ContentLength);
    }

    [Fact]
    public async Task UploadAsync_ExistingBlobWithoutOverwrite_Throws409BlobAlreadyExists()
    {
        var blob = _container.GetBlobClient("once");
        await blob.UploadAsync(BinaryData.FromString("first"), cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second"), cancellationToken: Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync(Ct)).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_ExistingBlobWithOverwrite_ReplacesContent()
    {
        var blob = _container.GetBlobClient("twice");
        await blob.UploadAsync(BinaryData.FromString("first"), cancellationToken: Ct);

        await blob.UploadAsync(BinaryData.FromString("second"), overwrite: true, Ct);

        Assert.Equal("second", (await blob.DownloadContentAsync(Ct)).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_StaleIfMatch_Throws412AndKeepsContent()
    {
        var blob = _container.GetBlobClient("etag");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"), cancellationToken: Ct);
        await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new() { IfMatch = first.Value.ETag } }, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new() { IfMatch = first.Value.ETag } }, Ct));

        Assert.Equal(412, ex.Status);
        Assert.Equal("v2", (await blob.DownloadContentAsync(Ct)).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadContentAsync_MissingBlob_Throws404BlobNotFound()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _container.GetBlobClient("missing").DownloadContentAsync(Ct));

        Assert.Equal(404, ex.Status);
        Assert.Equal("BlobNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task ExistsAndDeleteIfExists_Lifecycle_ReportTruthfully()
    {
        var blob = _container.GetBlobClient("life");
        Assert.False((await blob.ExistsAsync(Ct)).Value);
        await blob.UploadAsync(BinaryData.FromBytes([1, 2, 3]), cancellationToken: Ct);
        Assert.True((await blob.ExistsAsync(Ct)).Value);

        Assert.True((await blob.DeleteIfExistsAsync(cancellationToken: Ct)).Value);
        Assert.False((await blob.DeleteIfExistsAsync(cancellationToken: Ct)).Value);
        Assert.False((await blob.ExistsAsync(Ct)).Value);
    }

    [Fact]
    public async Task GetPropertiesAsync_UploadedBlob_ReturnsLengthTypeAndMetadata()
    {
        var blob = _container.GetBlobClient("props");
        await blob.UploadAsync(
            BinaryData.FromBytes(new byte[1000]),
            new BlobUploadOptions { ContentType = "application/octet-stream", Metadata = new Dictionary<string, string> { ["a"] = "1" } },
            Ct);

        var properties = (await blob.GetPropertiesAsync(Ct)).Value;

        Assert.Equal(1000, properties.ContentLength);
        Assert.Equal("application/octet-stream", properties.ContentType);
        Assert.Equal("1", properties.Metadata["a"]);
        Assert.Equal("unlocked", properties.LeaseStatus);
    }

    [Fact]
    public async Task GetPropertiesAsync_MissingBlob_Throws404()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _container.GetBlobClient("nothing").GetPropertiesAsync(Ct));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task UploadAsync_CancelledToken_ThrowsOperationCanceledAndWritesNothing()
    {
        var blob = _container.GetBlobClient("cancelled");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blob.UploadAsync(BinaryData.FromString("x"), cancellationToken: cts.Token));

        Assert.False((await blob.ExistsAsync(Ct)).Value);
    }

    [Fact]
    public async Task GetBlobLeaseClient_MissingBlob_AcquireThrows404()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            _container.GetBlobClient("no-such-blob").GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15), Ct));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task UploadAsync_GzipContentEncoding_DownloadReturnsStoredBytesUntouched()
    {
        var blob = _container.GetBlobClient("large/message.json.gz");
        var original = new string('a', 50_000);
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(original), Ct);
        }

        await blob.UploadAsync(BinaryData.FromBytes(compressed.ToArray()), new BlobUploadOptions { ContentType = "application/json", ContentEncoding = "gzip" }, Ct);
        var downloaded = (await blob.DownloadContentAsync(Ct)).Value;

        Assert.Equal("gzip", downloaded.Details.ContentEncoding);
        Assert.Equal(compressed.ToArray(), downloaded.Content.ToArray());
    }
}
