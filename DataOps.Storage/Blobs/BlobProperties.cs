using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>System properties and metadata of a blob.</summary>
/// <param name="ETag">The blob's entity tag.</param>
/// <param name="LastModified">When the blob last changed.</param>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The stored content type, if any.</param>
/// <param name="ContentEncoding">The stored content encoding, if any.</param>
/// <param name="Metadata">User metadata.</param>
/// <param name="LeaseState">available, leased, expired, breaking or broken.</param>
/// <param name="LeaseStatus">locked or unlocked.</param>
public sealed record BlobProperties(
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    string? ContentEncoding,
    IReadOnlyDictionary<string, string> Metadata,
    string? LeaseState,
    string? LeaseStatus);
