using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs.Models;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// Moves payloads over the threshold to the large-messages container (gzip) and leaves a reference in their place.
/// A reference starts with '@', which no JSON text does, so references and inline payloads cannot be confused.
/// Blobs are named <c>{instanceId}/{guid}.json.gz</c> so purging an instance deletes them by prefix.
/// </summary>
internal sealed class LargePayloadStore(TaskHubStorage hub, DurableTaskOptions options)
{
    private const string Prefix = "@largemessage:";

    /// <summary>Table string properties hold at most 32 K UTF-16 characters; stay well under it.</summary>
    private const int MaxInlineTableChars = 30_000;

    /// <summary>
    /// UTF-8 bytes a payload may have inline (at most 48 KiB, validated). Queue messages go out as plain text, so an
    /// inline payload stays well under the 64 KiB message limit; base64 would have made 48 KiB exactly 64 KiB.
    /// </summary>
    public int Threshold { get; } = options.StorageProvider.LargeMessageThresholdBytes;

    public static bool IsReference(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<string?> OffloadAsync(string? payload, string instanceId, CancellationToken cancellationToken)
    {
        if (payload is null || (payload.Length <= MaxInlineTableChars && Encoding.UTF8.GetByteCount(payload) <= Threshold))
        {
            return payload;
        }

        var name = $"{instanceId}/{Guid.NewGuid():N}.json.gz";
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(payload), cancellationToken);
        }

        await hub.LargeMessages.GetBlobClient(name).UploadAsync(
            new BinaryData(buffer.ToArray()),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } },
            cancellationToken);
        return Prefix + name;
    }

    public async Task<string?> ResolveAsync(string? value, CancellationToken cancellationToken)
    {
        if (!IsReference(value))
        {
            return value;
        }

        var result = await hub.LargeMessages.GetBlobClient(value![Prefix.Length..]).DownloadContentAsync(cancellationToken);
        await using var gzip = new GZipStream(result.Value.Content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public async Task<int> DeleteForInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in hub.LargeMessages.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{instanceId}/" }, cancellationToken))
        {
            await hub.LargeMessages.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }
}
