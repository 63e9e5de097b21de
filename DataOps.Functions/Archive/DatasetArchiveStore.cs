using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Archive;

/// <summary>
/// Writes dataset archives to blob storage as three gzip JSON blobs (<c>metadata</c>, <c>sample_data</c>,
/// <c>quality_reports</c>) under <c>dataset-archives/{clientId}/{stage}/{datasetType}/{datasetId}/</c>. Blobs are
/// written once and never overwritten; a retried write that finds its blob already there succeeds, because the
/// activity that writes them runs at least once with the same input.
/// </summary>
public sealed class DatasetArchiveStore(BlobServiceClient blobs, IOptions<ArchiveOptions> options)
{
    /// <summary>The three blob names of an archive, relative to its folder.</summary>
    public static readonly IReadOnlyList<string> BlobNames = ["metadata.json.gz", "sample_data.json.gz", "quality_reports.json.gz"];

    private BlobContainerClient Container => blobs.GetBlobContainerClient(options.Value.ContainerName);

    /// <summary>Writes the archive; returns its location <c>{container}/{folder}</c> and the bytes written.</summary>
    public async Task<ArchiveReceipt> WriteAsync(DatasetArchive archive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var container = Container;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        JsonElement[] parts = [archive.Metadata, archive.SampleData, archive.QualityReports];
        long bytes = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var content = Gzip(parts[i]);
            bytes += content.ToMemory().Length;
            var blob = container.GetBlobClient(archive.Folder + BlobNames[i]);
            try
            {
                await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Written by an earlier attempt of the same activity: archives are write-once.
            }
        }

        return new ArchiveReceipt(LocationOf(archive.Folder), bytes);
    }

    /// <summary>Whether all three blobs of the archive at <paramref name="folder"/> exist.</summary>
    public async Task<bool> IsCompleteAsync(string folder, CancellationToken cancellationToken = default)
    {
        foreach (var name in BlobNames)
        {
            if (!(await Container.GetBlobClient(folder + name).ExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads one part of an archive back as JSON.</summary>
    public async Task<JsonDocument> ReadAsync(string folder, string blobName, CancellationToken cancellationToken = default)
    {
        var download = await Container.GetBlobClient(folder + blobName).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(download.Value.Content.ToStream(), CompressionMode.Decompress);
        return await JsonDocument.ParseAsync(gzip, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The location of an archive folder as <see cref="WriteAsync"/> reports it: <c>{container}/{folder}</c>.</summary>
    public string LocationOf(string folder) => $"{options.Value.ContainerName}/{folder}";

    /// <summary>The blobs under an archive folder, by name; empty when there are none (or no container yet).</summary>
    public async Task<IReadOnlyList<ArchiveBlob>> ListAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var container = Container;
        var found = new List<ArchiveBlob>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder }, cancellationToken).ConfigureAwait(false))
            {
                found.Add(new ArchiveBlob(item.Name[folder.Length..], $"{container.Name}/{item.Name}", item.Properties.ContentLength ?? 0, item.Properties.LastModified));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No archive was ever written: the container does not exist yet.
        }

        return found.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes archive blobs older than the retention period; returns how many went.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var container = Container;
        if (!(await container.ExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value)
        {
            return 0;
        }

        var cutoff = now - options.Value.Retention;
        var purged = 0;
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (item.Properties.LastModified < cutoff)
            {
                await container.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                purged++;
            }
        }

        return purged;
    }

    private static BinaryData Gzip(JsonElement json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
        {
            json.WriteTo(writer);
        }

        return new BinaryData(buffer.ToArray());
    }
}
