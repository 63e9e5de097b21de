namespace DataOps.Storage.Blobs;

/// <summary>A downloaded blob: its bytes and properties.</summary>
/// <param name="Content">The blob content.</param>
/// <param name="Details">ETag, content type and encoding, metadata.</param>
public sealed record BlobDownloadResult(BinaryData Content, BlobDownloadDetails Details);
