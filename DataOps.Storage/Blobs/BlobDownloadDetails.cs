using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>The properties returned with a download.</summary>
/// <param name="ETag">The blob's entity tag.</param>
/// <param name="LastModified">When the blob last changed.</param>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The stored content type, if any.</param>
/// <param name="ContentEncoding">The stored content encoding, if any.</param>
/// <param name="Metadata">User metadata.</param>
public sealed record BlobDownloadDetails(
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    string? ContentEncoding,
    IReadOnlyDictionary<string, string> Metadata);
