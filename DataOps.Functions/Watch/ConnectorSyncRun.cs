using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>What one dataset's scheduled sync did.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Outcome">How it ended; null when it did not run (the dataset is no longer READY, or its connector serves another).</param>
/// <param name="Detail">Records pushed, what the probe found, or why it did not run.</param>
/// <param name="Problems">What an unhealthy probe found.</param>
public sealed record ConnectorSyncRun(DatasetId DatasetId, ConnectorSyncOutcome? Outcome, string Detail, IReadOnlyList<string> Problems)
{
    /// <summary>A sync that did not run, and why.</summary>
    public static ConnectorSyncRun Skipped(DatasetId datasetId, string why) => new(datasetId, null, why, []);
}
