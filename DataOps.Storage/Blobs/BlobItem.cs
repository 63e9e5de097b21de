using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>One blob of a container listing.</summary>
/// <param name="Name">The blob name (may contain '/').</param>
/// <param name="ETag">The blob's entity tag.</param>
/// <param name="LastModified">When the blob last changed.</param>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The stored content type, if any.</param>
/// <param name="ContentEncoding">The stored content encoding, if any.</param>
/// <param name="Metadata">User metadata.</param>
public sealed record BlobItem(
    string Name,
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    string? ContentEncoding,
    IReadOnlyDictionary<string, string> Metadata);
