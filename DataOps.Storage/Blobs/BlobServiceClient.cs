using Azure;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Blobs;

/// <summary>Entry point to the Blob service of one storage account.</summary>
public class BlobServiceClient
{
    private readonly StoragePipeline _pipeline = null!;

    /// <summary>Creates a client from a connection string (see <see cref="StorageConnectionString"/>).</summary>
    public BlobServiceClient(string connectionString, StorageClientOptions? options = null)
        => _pipeline = new StoragePipeline(StorageConnectionString.Parse(connectionString), options, StorageServiceKind.Blob);

    /// <summary>For mocking.</summary>
    protected BlobServiceClient()
    {
    }

    /// <summary>The account name.</summary>
    public virtual string AccountName => _pipeline.AccountName;

    /// <summary>The blob service endpoint.</summary>
    public virtual Uri Uri => _pipeline.Endpoint;

    /// <summary>A client for one container (no request is sent).</summary>
    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) =>
        new(_pipeline, blobContainerName);

    /// <summary>Lists the containers whose names start with <paramref name="prefix"/> (all when null), page by page.</summary>
    public virtual AsyncPageable<BlobContainerItem> GetBlobContainersAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new FuncAsyncPageable<BlobContainerItem>(
            async (marker, pageSize, ct) =>
            {
                var (names, next, response) = await _pipeline.ListPageAsync("Container", prefix, marker, pageSize, ct).ConfigureAwait(false);
                return Page<BlobContainerItem>.FromValues([.. names.Select(n => new BlobContainerItem(n))], next, response);
            },
            cancellationToken);
}
