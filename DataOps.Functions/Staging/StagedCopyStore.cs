using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DataOps.Domain.Datasets;
using DataOps.MockData.Records;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Staging;

/// <summary>
/// The staged copies of populated datasets: the records one population attempt pushed, as gzip JSON lines at
/// <c>dataset-staging/{datasetId}/attempt-{attempt}.jsonl.gz</c>, and those each scheduled sync of a pilot dataset pushed
/// again at <c>…/attempt-{attempt}-sync-{revision}.jsonl.gz</c> (a new name per sync, so a check reading the previous copy
/// never reads one half replaced). A copy is written once and never overwritten: the activity that writes it runs at
/// least once, and a second execution must find, and push, the copy the first one wrote, not a new one. The checks and
/// the archive read it back one record at a time. Each copy carries the SHA-256 of its JSON lines (its fingerprint), so
/// a sync can tell whether the export still holds what was pushed.
/// </summary>
public sealed class StagedCopyStore(BlobServiceClient blobs, IOptions<StagingOptions> options)
{
    private const string _recordCountKey = "recordcount";
    private const string _sizeBytesKey = "sizebytes";
    private const string _fingerprintKey = "sha256";
    private const string _syncInfix = "-sync-";
    private const string _attemptPrefix = "attempt-";
    private const string _extension = ".jsonl.gz";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(options.Value.ContainerName);

    /// <summary>The blob name of a dataset's staged copy of one attempt and sync revision (0: population's copy).</summary>
    public static string BlobName(DatasetId datasetId, int attempt, int revision = 0)
        => $"{FolderOf(datasetId)}{_attemptPrefix}{attempt.ToString(CultureInfo.InvariantCulture)}"
            + (revision == 0 ? string.Empty : _syncInfix + revision.ToString(CultureInfo.InvariantCulture))
            + _extension;

    /// <summary>The location of a staged copy as the store reports it: <c>{container}/{blobName}</c>.</summary>
    public string LocationOf(DatasetId datasetId, int attempt, int revision = 0) => $"{options.Value.ContainerName}/{BlobName(datasetId, attempt, revision)}";

    /// <summary>The fingerprint of records as a copy would hold them: the SHA-256 (lowercase hex) of their JSON lines.</summary>
    public static async Task<string> FingerprintAsync(IEnumerable<IReadOnlyDictionary<string, object?>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var raw = new MemoryStream();
        await RecordLines.WriteAsync(records, raw, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(SHA256.HashData(raw.GetBuffer().AsSpan(0, (int)raw.Length)));
    }

    /// <summary>
    /// Writes the attempt's copy unless one is there already; returns it, or null when an earlier execution wrote it
    /// first (read that one with <see cref="OpenAsync(DatasetId, int, CancellationToken)"/>: it is what was pushed).
    /// </summary>
    public async Task<StagedCopy?> WriteIfAbsentAsync(DatasetId datasetId, int attempt, IEnumerable<IReadOnlyDictionary<string, object?>> records, CancellationToken cancellationToken = default)
        => await WriteIfAbsentAsync(datasetId, attempt, 0, records, cancellationToken).ConfigureAwait(false);

    /// <summary>As <see cref="WriteIfAbsentAsync(DatasetId, int, IEnumerable{IReadOnlyDictionary{string, object?}}, CancellationToken)"/>, for a sync revision of the attempt.</summary>
    public async Task<StagedCopy?> WriteIfAbsentAsync(DatasetId datasetId, int attempt, int revision, IEnumerable<IReadOnlyDictionary<string, object?>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var raw = new MemoryStream();
        var count = 0L;
        await RecordLines.WriteAsync(records.Select(r => { count++; return r; }), raw, cancellationToken).ConfigureAwait(false);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(raw.GetBuffer().AsSpan(0, (int)raw.Length)));
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
            await container.GetBlobClient(BlobName(datasetId, attempt, revision)).UploadAsync(
                compressed,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson", ContentEncoding = "gzip" },
                    Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [_recordCountKey] = count.ToString(CultureInfo.InvariantCulture),
                        [_sizeBytesKey] = raw.Length.ToString(CultureInfo.InvariantCulture),
                        [_fingerprintKey] = fingerprint,
                    },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new StagedCopy(LocationOf(datasetId, attempt, revision), count, raw.Length, compressed.Length) { Fingerprint = fingerprint };
    }

    /// <summary>Opens the attempt's copy for reading, one record at a time; null when there is none.</summary>
    public Task<StagedRecords?> OpenAsync(DatasetId datasetId, int attempt, CancellationToken cancellationToken = default)
        => OpenAsync(datasetId, attempt, 0, cancellationToken);

    /// <summary>Opens the copy of a sync revision of the attempt (0: population's); null when there is none.</summary>
    public async Task<StagedRecords?> OpenAsync(DatasetId datasetId, int attempt, int revision, CancellationToken cancellationToken = default)
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await Container.GetBlobClient(BlobName(datasetId, attempt, revision)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var details = download.Value.Details;
        var copy = new StagedCopy(
            LocationOf(datasetId, attempt, revision),
            ReadLong(details.Metadata, _recordCountKey),
            ReadLong(details.Metadata, _sizeBytesKey),
            details.ContentLength)
        {
            Fingerprint = details.Metadata.TryGetValue(_fingerprintKey, out var fingerprint) ? fingerprint : null,
        };
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
        => DeleteAsync(datasetId, a => a is { } earlier && earlier.Attempt < attempt, cancellationToken);

    /// <summary>
    /// Deletes every copy of the dataset but the one of <paramref name="attempt"/> and <paramref name="revision"/> (a sync
    /// pushed it, so the earlier ones are superseded); returns how many went.
    /// </summary>
    public Task<int> DeleteSupersededAsync(DatasetId datasetId, int attempt, int revision, CancellationToken cancellationToken = default)
        => DeleteAsync(datasetId, a => a is { } copy && (copy.Attempt < attempt || (copy.Attempt == attempt && copy.Revision < revision)), cancellationToken);

    private static string FolderOf(DatasetId datasetId) => datasetId.Value + "/";

    private static long ReadLong(IDictionary<string, string> metadata, string key)
        => metadata.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static (int Attempt, int Revision)? AttemptOf(string blobName, string folder)
    {
        var name = blobName[folder.Length..];
        if (!name.StartsWith(_attemptPrefix, StringComparison.Ordinal) || !name.EndsWith(_extension, StringComparison.Ordinal))
        {
            return null;
        }

        var key = name[_attemptPrefix.Length..^_extension.Length];
        var sync = key.IndexOf(_syncInfix, StringComparison.Ordinal);
        var attemptText = sync < 0 ? key : key[..sync];
        var revisionText = sync < 0 ? "0" : key[(sync + _syncInfix.Length)..];
        return int.TryParse(attemptText, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            && int.TryParse(revisionText, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? (attempt, revision)
            : null;
    }

    private async Task<int> DeleteAsync(DatasetId datasetId, Func<(int Attempt, int Revision)?, bool> which, CancellationToken cancellationToken)
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
