namespace DataOps.Functions.Archive;

/// <summary>Where an archive was written and how many (compressed) bytes it holds.</summary>
/// <param name="Location"><c>{container}/{clientId}/{stage}/{datasetType}/{datasetId}/</c>.</param>
/// <param name="CompressedBytes">Total size of the three blobs.</param>
public sealed record ArchiveReceipt(string Location, long CompressedBytes);
