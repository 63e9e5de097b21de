namespace DataOps.Functions.Provisioning;

/// <summary>How many records went into the connector, and where their staged copy is.</summary>
/// <param name="RecordCount">Records pushed.</param>
/// <param name="SizeBytes">Their size as JSON lines, uncompressed.</param>
/// <param name="Pages">Bulk-upload pages.</param>
public sealed record PopulationSummary(long RecordCount, long SizeBytes, int Pages)
{
    /// <summary>The staged copy's location (<c>{container}/{datasetId}/attempt-{n}.jsonl.gz</c>); null when this execution staged nothing.</summary>
    public string? StagedCopy { get; init; }

    /// <summary>The staged copy's stored (gzip) size.</summary>
    public long StagedBytes { get; init; }
}
