using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>The result of an upload.</summary>
/// <param name="ETag">The new entity tag.</param>
/// <param name="LastModified">When the blob was written.</param>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);
