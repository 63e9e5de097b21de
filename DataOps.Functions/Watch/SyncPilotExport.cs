using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Http;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// A pilot dataset's scheduled sync: reads and sanitizes the client's export, and compares its fingerprint with the
/// staged copy Glean holds. Unchanged: recorded as such, nothing is sent. Changed: the records are staged as the
/// attempt's next sync revision (a new blob, so a check reading the current copy never sees it half replaced), pushed
/// in a full bulk upload under a new upload id, recorded on the connector (from then on the checks read the new copy)
/// and audited (<see cref="ConnectorSynced"/>); the superseded copies are deleted last. The dataset stays READY; the
/// orchestration validates it again.
/// </summary>
/// <remarks>
/// Runs at least once. A repeat of a sync already recorded (same sync id) returns what was recorded and finishes its
/// clean-up; a repeat of one that staged but did not record finds its copy and pushes that same copy under the same
/// upload id (restarting the unfinished upload), as population does. A dataset no longer READY (a teardown began) or a
/// connector that now serves another dataset is left alone.
/// </remarks>
internal sealed class SyncPilotExport(
    DatasetLoader datasets,
    DatasetRecordSource source,
    StagedCopyStore copies,
    ConnectorStore connectors,
    IGleanConnectorService glean,
    IDomainEventPublisher events,
    TimeProvider time) : TaskActivity<SyncDatasetInput, ConnectorSyncRun>
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
        if (dataset.Status != DatasetStatus.Ready || dataset.DataSource != DataSource.SanitizedExport)
        {
            return ConnectorSyncRun.Skipped(input.DatasetId, $"the dataset is {dataset.Status.ToWireName()} with data from {dataset.DataSource.ToWireName()}: not synced");
        }

        var record = await connectors.GetOwnedAsync(dataset.Id, dataset.ConnectorName, ct).ConfigureAwait(false);
        if (record is null)
        {
            return ConnectorSyncRun.Skipped(input.DatasetId, $"connector '{dataset.ConnectorName.Value}' was never created, or now serves another dataset");
        }

        var sync = record.Sync;
        if (sync.LastSyncId == input.SyncId && sync.Attempt == dataset.Attempt)
        {
            if (sync.LastOutcome == ConnectorSyncOutcome.Pushed)
            {
                await copies.DeleteSupersededAsync(dataset.Id, dataset.Attempt, sync.Revision, ct).ConfigureAwait(false);
            }

            return new ConnectorSyncRun(input.DatasetId, sync.LastOutcome, $"recorded already (revision {sync.Revision})", []);
        }

        var revision = sync.RevisionFor(dataset.Attempt);
        var pushedFingerprint = await FingerprintOfAsync(dataset, revision, ct).ConfigureAwait(false);
        var records = await source.LoadAsync(dataset, ct).ConfigureAwait(false);
        var fingerprint = await StagedCopyStore.FingerprintAsync(records, ct).ConfigureAwait(false);
        if (string.Equals(fingerprint, pushedFingerprint, StringComparison.Ordinal))
        {
            await connectors.RecordSyncAsync(
                dataset.Id,
                record.Connector.ConnectorName,
                sync with { LastSyncedAt = time.GetUtcNow(), LastOutcome = ConnectorSyncOutcome.Unchanged, Fingerprint = fingerprint, Attempt = dataset.Attempt, Revision = revision, LastSyncId = input.SyncId },
                ct).ConfigureAwait(false);
            return new ConnectorSyncRun(input.DatasetId, ConnectorSyncOutcome.Unchanged, $"the export is unchanged ({records.Count} records)", []);
        }

        var next = revision + 1;
        var copy = await copies.WriteIfAbsentAsync(dataset.Id, dataset.Attempt, next, records, ct).ConfigureAwait(false);
        if (copy is null)
        {
            // An earlier execution of this sync staged the revision: that copy is what gets pushed.
            (copy, records) = await ReadBackAsync(dataset, next, ct).ConfigureAwait(false);
        }

        // A teardown may have begun while the export was read: it pauses the connector, and nothing may push to it then.
        if ((await datasets.LoadAsync(input.DatasetId, ct).ConfigureAwait(false)).Dataset.Status != DatasetStatus.Ready)
        {
            return ConnectorSyncRun.Skipped(input.DatasetId, "the dataset left READY before the push: not synced");
        }

        var upload = await glean.ResyncAsync(record.Connector, dataset.Id.Value, dataset.Attempt, next, records, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await datasets.UpdateAsync(
            dataset.Id,
            d =>
            {
                if (d.Status == DatasetStatus.Ready)
                {
                    d.RecordResync(copy.RecordCount, copy.SizeBytes, now);
                }
            },
            ct).ConfigureAwait(false);
        var pushed = copy.Fingerprint ?? fingerprint;

        // Audited before it is recorded: a repeat after the record returns early, and the event id is per revision, so a
        // repeat before it publishes the same entry again.
        var synced = ConnectorSynced.Create(dataset.Id, record.Connector.ConnectorName, dataset.Attempt, next, copy.RecordCount, pushed, upload.UploadId, now);
        await events.PublishAsync([OutboxEvent.From(synced)], ct).ConfigureAwait(false);
        await connectors.RecordSyncAsync(
            dataset.Id,
            record.Connector.ConnectorName,
            sync with { LastSyncedAt = now, LastOutcome = ConnectorSyncOutcome.Pushed, Fingerprint = pushed, Attempt = dataset.Attempt, Revision = next, LastSyncId = input.SyncId },
            ct).ConfigureAwait(false);
        await copies.DeleteSupersededAsync(dataset.Id, dataset.Attempt, next, ct).ConfigureAwait(false);
        return new ConnectorSyncRun(input.DatasetId, ConnectorSyncOutcome.Pushed, $"the export changed: {copy.RecordCount} records pushed as upload {upload.UploadId}", []);
    }

    // What Glean holds: the fingerprint of the current staged copy (null when it has none, or was written before copies
    // carried one, which counts as changed: pushing the export again is harmless).
    private async Task<string?> FingerprintOfAsync(Dataset dataset, int revision, CancellationToken ct)
    {
        await using var current = await copies.OpenAsync(dataset.Id, dataset.Attempt, revision, ct).ConfigureAwait(false);
        return current?.Copy.Fingerprint;
    }

    private async Task<(StagedCopy Copy, IReadOnlyList<IReadOnlyDictionary<string, object?>> Records)> ReadBackAsync(Dataset dataset, int revision, CancellationToken ct)
    {
        await using var staged = await copies.OpenAsync(dataset.Id, dataset.Attempt, revision, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Sync revision {revision} of dataset '{dataset.Id.Value}' attempt {dataset.Attempt} was staged by another execution but cannot be read.");
        var records = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var item in staged.ReadAsync(source.SchemaFor(dataset), ct).ConfigureAwait(false))
        {
            records.Add(item);
        }

        return (staged.Copy, records);
    }
}
