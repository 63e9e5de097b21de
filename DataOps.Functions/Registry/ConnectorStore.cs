using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Serialization;
using DataOps.Glean.Model;

namespace DataOps.Functions.Registry;

/// <summary>
/// The Glean connectors the product created, keyed by connector name, with their lifecycle status
/// (<c>healthy</c>, <c>unhealthy</c>, <c>paused</c>, <c>disconnected</c>, <c>retired</c>) and the dataset they serve.
/// </summary>
/// <remarks>
/// A connector name is <c>{client}-{stage}-{type}</c>, so when a dataset fails and releases its claims the next dataset
/// for the same client, stage and type takes the same name and the row becomes its own. Whatever acts on a dataset's
/// connector therefore loads it with <see cref="GetOwnedAsync"/>, never by name alone.
/// </remarks>
public sealed partial class ConnectorStore(RegistryTables tables, TimeProvider time, IDomainEventPublisher events, ILogger<ConnectorStore> logger)
{
    private const int MaxConditionalAttempts = 5;

    // A status change's event, written with the change and published after it (an outbox of one row): a crash in
    // between leaves it in the row, and the connector's next status write publishes it first.
    private const string PendingEventsColumn = "PendingEvents";

    /// <summary>Records (or refreshes) a connector for a dataset.</summary>
    public async Task SaveAsync(string datasetId, GleanConnector connector, string status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = new TableEntity(connector.ConnectorName, string.Empty)
        {
            ["DatasetId"] = datasetId,
            ["Datasource"] = connector.DatasourceName,
            ["Status"] = status,
            ["Connector"] = JsonSerializer.Serialize(connector, DomainJson.Options),
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        WriteSchedule(row, ConnectorSchedule.For(connector.Stage));
        await tables.Connectors.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the status of <paramref name="datasetId"/>'s connector (and optionally what a health check found), only while
    /// the row still serves that dataset: the write is conditional on the row read, so a dataset that took the name in
    /// between is never overwritten. False when the row is gone or serves another dataset. A change of status publishes
    /// <see cref="ConnectorHealthChanged"/>; writing the status it already has publishes nothing.
    /// </summary>
    public async Task<bool> SetStatusAsync(DatasetId datasetId, string connectorName, string status, string? healthDetails = null, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadOwnedRowAsync(datasetId, connectorName, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var row = new TableEntity(connectorName, string.Empty) { ["Status"] = status, ["UpdatedAt"] = now };
            if (healthDetails is not null)
            {
                row["LastHealthCheck"] = now;
                row["HealthDetails"] = healthDetails;
            }

            var pending = ReadPending(current);
            var previous = current.GetString("Status") ?? string.Empty;
            if (!string.Equals(previous, status, StringComparison.Ordinal))
            {
                pending.Add(OutboxEvent.From(ConnectorHealthChanged.Create(datasetId, connectorName, previous, status, healthDetails, now)));
            }

            row[PendingEventsColumn] = pending.Count == 0 ? string.Empty : JsonSerializer.Serialize(pending, DomainJson.Options);
            try
            {
                var written = await tables.Connectors.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                if (pending.Count > 0)
                {
                    await events.PublishAsync(pending, cancellationToken).ConfigureAwait(false);
                    await ClearPendingAsync(connectorName, written.Headers.ETag ?? default, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxConditionalAttempts)
            {
                // The row changed since it was read (another status write, or a new owner): read it again.
            }
        }
    }

    /// <summary>The connector row, when it exists and still serves <paramref name="datasetId"/> (logged when it serves another).</summary>
    private async Task<TableEntity?> ReadOwnedRowAsync(DatasetId datasetId, string connectorName, CancellationToken cancellationToken)
    {
        var current = await tables.Connectors.GetEntityIfExistsAsync<TableEntity>(connectorName, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!current.HasValue || current.Value is null)
        {
            return null;
        }

        var owner = current.Value.GetString("DatasetId");
        if (!string.Equals(owner, datasetId.Value, StringComparison.Ordinal))
        {
            LogNotOwned(logger, datasetId.Value, connectorName, owner ?? string.Empty);
            return null;
        }

        return current.Value;
    }

    private static List<OutboxEvent> ReadPending(TableEntity row)
        => row.GetString(PendingEventsColumn) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<OutboxEvent>>(json, DomainJson.Options) ?? [] : [];

    // Published (idempotent on the event ids): clear them unless the row changed since, in which case its writer
    // carries them and clears them in turn.
    private async Task ClearPendingAsync(string connectorName, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Connectors.UpdateEntityAsync(new TableEntity(connectorName, string.Empty) { [PendingEventsColumn] = string.Empty }, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
        }
    }

    /// <summary>
    /// Loads the connector of <paramref name="datasetId"/>: null when the product never created it, or when the row
    /// now serves another dataset (which took the name after this one failed), so nothing acts on a connector it does
    /// not own.
    /// </summary>
    public async Task<ConnectorRecord?> GetOwnedAsync(DatasetId datasetId, ConnectorName connectorName, CancellationToken cancellationToken = default)
    {
        var record = await GetAsync(connectorName.Value, cancellationToken).ConfigureAwait(false);
        if (record is null || string.Equals(record.DatasetId, datasetId.Value, StringComparison.Ordinal))
        {
            return record;
        }

        LogNotOwned(logger, datasetId.Value, connectorName.Value, record.DatasetId);
        return null;
    }

    /// <summary>Loads a connector record by name, whichever dataset it serves; null when the product never created it.</summary>
    public async Task<ConnectorRecord?> GetAsync(string connectorName, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await tables.Connectors.GetEntityIfExistsAsync<TableEntity>(connectorName, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetString("Connector") is not { } json)
        {
            return null;
        }

        return RecordOf(row.Value, JsonSerializer.Deserialize<GleanConnector>(json, DomainJson.Options)!);
    }

    private static ConnectorRecord RecordOf(TableEntity e, GleanConnector connector)
        => new(connector, e.GetString("DatasetId") ?? string.Empty, e.GetString("Status") ?? string.Empty, e.GetDateTimeOffset("LastHealthCheck"), e.GetString("HealthDetails"))
        {
            Sync = ReadSync(e, connector),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset {DatasetId} leaves connector {ConnectorName} alone: it now serves dataset {OwnerDatasetId}")]
    private static partial void LogNotOwned(ILogger logger, string datasetId, string connectorName, string ownerDatasetId);
}
