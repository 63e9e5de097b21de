using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Glean.Model;

namespace DataOps.Functions.Registry;

/// <summary>The connector's sync configuration and the state of its scheduled sync, on its row.</summary>
public sealed partial class ConnectorStore
{
    private const string SyncModeColumn = "SyncMode";
    private const string SyncIntervalColumn = "SyncIntervalSeconds";
    private const string LastSyncedAtColumn = "LastSyncedAt";
    private const string LastSyncOutcomeColumn = "LastSyncOutcome";
    private const string SyncFingerprintColumn = "SyncFingerprint";
    private const string SyncAttemptColumn = "SyncAttempt";
    private const string SyncRevisionColumn = "SyncRevision";
    private const string LastSyncIdColumn = "LastSyncId";

    /// <summary>
    /// Records a scheduled sync of <paramref name="datasetId"/>'s connector, only while the row still serves that dataset
    /// (conditional on the row read, as status writes are). False when the row is gone or serves another dataset.
    /// </summary>
    public async Task<bool> RecordSyncAsync(DatasetId datasetId, string connectorName, ConnectorSyncState sync, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadOwnedRowAsync(datasetId, connectorName, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return false;
            }

            var row = new TableEntity(connectorName, string.Empty)
            {
                [LastSyncedAtColumn] = sync.LastSyncedAt,
                [LastSyncOutcomeColumn] = sync.LastOutcome?.ToWireName(),
                [SyncFingerprintColumn] = sync.Fingerprint,
                [SyncAttemptColumn] = sync.Attempt,
                [SyncRevisionColumn] = sync.Revision,
                [LastSyncIdColumn] = sync.LastSyncId,
            };
            WriteSchedule(row, sync.Schedule);
            try
            {
                await tables.Connectors.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxConditionalAttempts)
            {
                // The row changed since it was read (a status write, or a new owner): read it again.
            }
        }
    }

    private static void WriteSchedule(TableEntity row, ConnectorSchedule schedule)
    {
        row[SyncModeColumn] = schedule.Mode.ToWireName();
        row[SyncIntervalColumn] = schedule.Interval is { } interval ? (long)interval.TotalSeconds : null;
    }

    // A row written before connectors kept their schedule has the stage's.
    private static ConnectorSyncState ReadSync(TableEntity row, GleanConnector connector)
    {
        var schedule = WireNames.TryParse<ConnectorSyncMode>(row.GetString(SyncModeColumn), out var mode)
            ? new ConnectorSchedule(mode.Value, row.GetInt64(SyncIntervalColumn) is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
            : ConnectorSchedule.For(connector.Stage);
        ConnectorSyncOutcome? outcome = WireNames.TryParse<ConnectorSyncOutcome>(row.GetString(LastSyncOutcomeColumn), out var parsed) ? parsed.Value : null;
        return new ConnectorSyncState(
            schedule,
            row.GetDateTimeOffset(LastSyncedAtColumn),
            outcome,
            row.GetString(SyncFingerprintColumn) is { Length: > 0 } fingerprint ? fingerprint : null,
            row.GetInt32(SyncAttemptColumn) ?? 0,
            row.GetInt32(SyncRevisionColumn) ?? 0,
            row.GetString(LastSyncIdColumn) is { Length: > 0 } id ? id : null);
    }
}
