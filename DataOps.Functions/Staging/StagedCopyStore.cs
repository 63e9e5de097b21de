using System.Globalization;
using System.IO.Compression;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DataOps.Domain.Datasets;
using DataOps.MockData.Records;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Staging;

/// <summary>
/// The staged copies of populated datasets: the records one population attempt pushed, as gzip JSON lines at
/// <c>dataset-staging/{datasetId}/attempt-{attempt}.jsonl.gz</c>. A copy is written once and never overwritten: the
/// activity that writes it runs at least once, and a second execution must find, and push, the copy the first one
/// wrote, not a new one. The checks and the archive read it back one record at a time.
/// </summary>
public sealed class StagedCopyStore(BlobServiceClient blobs, IOptions<StagingOptions> options)
{
    private const string _recordCountKey = "recordcount";
    private const string _sizeBytesKey = "sizebytes";
    private const string _attemptPrefix = "attempt-";
    private const string _extension = ".jsonl.gz";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(options.Value.ContainerName);

    /// <summary>The blob name of a dataset's staged copy of one attempt.</summary>
    public static string BlobName(DatasetId datasetId, int attempt)
        => $"{FolderOf(datasetId)}{_attemptPrefix}{attempt.ToString(CultureInfo.InvariantCulture)}{_extension}";

    /// <summary>The location of a staged copy as the store reports it: <c>{container}/{blobName}</c>.</summary>
    public string LocationOf(DatasetId datasetId, int attempt) => $"{options.Value.ContainerName}/{BlobName(datasetId, attempt)}";

    /// <summary>
    /// Writes the attempt's copy unless one is there already; returns it, or null when an earlier execution wrote it
    /// first (read that one with <see cref="OpenAsync"/>: it is what was pushed).
    /// </summary>
    public async Task<StagedCopy?> WriteIfAbsentAsync(DatasetId datasetId, int attempt, IEnumerable<IReadOnlyDictionary<string, object?>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var raw = new MemoryStream();
        var count = 0L;
        await RecordLines.WriteAsync(records.Select(r => { count++; return r; }), raw, cancellationToken).ConfigureAwait(false);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            await raw.CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
        }

        var container = Container;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        compressed.Position = 0;
        try
        {
            await container.GetBlobClient(BlobName(datasetId, attempt)).UploadAsync(
                compressed,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson", ContentEncoding = "gzip" },
                    Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [_recordCountKey] = count.ToString(CultureInfo.InvariantCulture),
                        [_sizeBytesKey] = raw.Length.ToString(CultureInfo.InvariantCulture),
                    },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new StagedCopy(LocationOf(datasetId, attempt), count, raw.Length, compressed.Length);
    }

    /// <summary>Opens the attempt's copy for reading, one record at a time; null when there is none.</summary>
    public async Task<StagedRecords?> OpenAsync(DatasetId datasetId, int attempt, CancellationToken cancellationToken = default)
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await Container.GetBlobClient(BlobName(datasetId, attempt)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var details = download.Value.Details;
        var copy = new StagedCopy(
            LocationOf(datasetId, attempt),
            ReadLong(details.Metadata, _recordCountKey),
            ReadLong(details.Metadata, _sizeBytesKey),
            details.ContentLength);
        return new StagedRecords(copy, download.Value.Content);
    }

    /// <summary>The names of a dataset's staged copies (every attempt), in order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(DatasetId datasetId, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = FolderOf(datasetId) }, cancellationToken).ConfigureAwait(false))
            {
                names.Add(item.Name);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was ever staged: the container does not exist yet.
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes every staged copy of the dataset; returns how many went.</summary>
    public Task<int> DeleteAllAsync(DatasetId datasetId, CancellationToken cancellationToken = default)
        => DeleteAsync(datasetId, _ => true, cancellationToken);

    /// <summary>Deletes the copies of the attempts before <paramref name="attempt"/> (a retry replaces them); returns how many went.</summary>
    public Task<int> DeleteEarlierAttemptsAsync(DatasetId datasetId, int attempt, CancellationToken cancellationToken = default)
        => DeleteAsync(datasetId, a => a is { } earlier && earlier < attempt, cancellationToken);

    private static string FolderOf(DatasetId datasetId) => datasetId.Value + "/";

    private static long ReadLong(IDictionary<string, string> metadata, string key)
        => metadata.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int? AttemptOf(string blobName, string folder)
    {
        var name = blobName[folder.Length..];
        return name.StartsWith(_attemptPrefix, StringComparison.Ordinal) && name.EndsWith(_extension, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(_attemptPrefix.Length, name.Length - _attemptPrefix.Length - _extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            ? attempt
            : null;
    }

    private async Task<int> DeleteAsync(DatasetId datasetId, Func<int?, bool> which, CancellationToken cancellationToken)
    {
        var container = Container;
        var folder = FolderOf(datasetId);
        var deleted = 0;
        foreach (var name in await ListAsync(datasetId, cancellationToken).ConfigureAwait(false))
        {
            if (which(AttemptOf(name, folder))
                && (await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value)
            {
                deleted++;
            }
        }

        return deleted;
    }
}
