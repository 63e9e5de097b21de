using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Glean.Http;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// A production dataset's scheduled sync: the client's own connector fills the datasource, so the product probes it
/// (<see cref="ConnectorProbes"/>, as the health sweep does: the call counts in the connector's metrics, and its status
/// follows what the probe found) and records the sync on the connector. A dataset no longer READY is not probed.
/// </summary>
/// <remarks>Runs at least once: a repeat of a sync already recorded (same sync id) returns what was recorded.</remarks>
internal sealed class ProbeSyncedConnector(DatasetLoader datasets, ConnectorProbes probes, ConnectorStore connectors, TimeProvider time)
    : TaskActivity<SyncDatasetInput, ConnectorSyncRun>
{
    /// <inheritdoc />
    public override async Task<ConnectorSyncRun> RunAsync(TaskActivityContext context, SyncDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;

        // A scheduled sync is background work: its Glean calls take at most Glean's background share of requests.
        using var background = GleanTraffic.Background();
        var dataset = (await datasets.LoadAsync(input.DatasetId, ct).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Ready)
        {
            return ConnectorSyncRun.Skipped(input.DatasetId, $"the dataset is {dataset.Status.ToWireName()}: not probed");
        }

        var record = await connectors.GetOwnedAsync(dataset.Id, dataset.ConnectorName, ct).ConfigureAwait(false);
        if (record is null)
        {
            return ConnectorSyncRun.Skipped(input.DatasetId, $"connector '{dataset.ConnectorName.Value}' was never created, or now serves another dataset");
        }

        if (record.Sync.LastSyncId == input.SyncId && record.Sync.LastOutcome is { } recorded)
        {
            var problems = recorded == ConnectorSyncOutcome.Unhealthy ? [record.HealthDetails ?? "unhealthy"] : Array.Empty<string>();
            return new ConnectorSyncRun(input.DatasetId, recorded, "recorded already", problems);
        }

        var probe = await probes.ProbeAsync(dataset, ct).ConfigureAwait(false);
        var found = ConnectorHealthEvaluator.Problems(probe);
        var outcome = found.Count == 0 ? ConnectorSyncOutcome.Healthy : ConnectorSyncOutcome.Unhealthy;
        await connectors.RecordSyncAsync(
            dataset.Id,
            record.Connector.ConnectorName,
            record.Sync with { LastSyncedAt = time.GetUtcNow(), LastOutcome = outcome, Attempt = dataset.Attempt, Revision = 0, LastSyncId = input.SyncId },
            ct).ConfigureAwait(false);
        return new ConnectorSyncRun(input.DatasetId, outcome, found.Count == 0 ? "probed: healthy" : "probed: " + string.Join("; ", found), [.. found]);
    }
}
