namespace DataOps.Functions.Staging;

/// <summary>One staged copy: the records one population attempt pushed, as gzip JSON lines in blob storage.</summary>
/// <param name="Location">Its location, <c>{container}/{datasetId}/attempt-{attempt}.jsonl.gz</c> (<c>…-sync-{revision}…</c> for a sync's).</param>
/// <param name="RecordCount">How many records it holds.</param>
/// <param name="SizeBytes">Its size as JSON lines, uncompressed.</param>
/// <param name="CompressedBytes">Its stored (gzip) size.</param>
public sealed record StagedCopy(string Location, long RecordCount, long SizeBytes, long CompressedBytes)
{
    /// <summary>SHA-256 (lowercase hex) of its JSON lines; null for a copy written before copies carried one.</summary>
    public string? Fingerprint { get; init; }
}
