using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Serialization;

namespace DataOps.Functions.Registry;

/// <summary>
/// <see cref="IDatasetRegistry"/> on Table storage. The row in <c>Datasets</c> is the authority and every update to it
/// is ETag-guarded; events raised by a change are stored in the same row (outbox) and published after it, so a crash
/// between the two never loses one; the index copies are refreshed after each save.
/// </summary>
internal sealed partial class DatasetRegistry(RegistryTables tables, IDomainEventPublisher publisher) : IDatasetRegistry
{
    private const string SingleRowKey = "";

    /// <inheritdoc />
    public async Task<DatasetRecord?> GetAsync(DatasetId id, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var response = await tables.Datasets.GetEntityIfExistsAsync<DatasetEntity>(id.Value, SingleRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var record = ToRecord(response.Value!);
        return record.PendingEvents.Count == 0 ? record : await FlushOutboxAsync(record, response.Value!, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DatasetRecord> RegisterAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var id = dataset.Id.Value;
        var slot = SlotKey(dataset.ClientId, dataset.Stage, dataset.Type);
        await ClaimAsync(slot, id, cancellationToken).ConfigureAwait(false);
        try
        {
            await ClaimAsync(ConnectorKey(dataset.ConnectorName), id, cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetClaimConflictException)
        {
            await ReleaseClaimAsync(slot, id, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var entity = DatasetEntityMapper.ToEntity(dataset.ToSnapshot(), version: 1);
        entity.PartitionKey = id;
        entity.RowKey = SingleRowKey;
        var pending = ToOutbox(dataset.DomainEvents);
        entity.PendingEvents = SerializeOutbox(pending);
        try
        {
            var added = await tables.Datasets.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = added.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A retried registration: the first attempt stored the row. Return what is stored.
            return await GetAsync(dataset.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Dataset '{id}' vanished during registration.", ex);
        }

        dataset.ClearDomainEvents();
        var record = ToRecord(entity);
        await RefreshIndexAsync(entity, previousStatus: null, cancellationToken).ConfigureAwait(false);
        return await FlushOutboxAsync(record, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DatasetRecord> SaveAsync(DatasetRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var dataset = record.Dataset;
        var entity = DatasetEntityMapper.ToEntity(dataset.ToSnapshot(), record.Version + 1);
        entity.PartitionKey = dataset.Id.Value;
        entity.RowKey = SingleRowKey;
        var pending = record.PendingEvents.Concat(ToOutbox(dataset.DomainEvents)).ToList();
        entity.PendingEvents = SerializeOutbox(pending);
        try
        {
            var updated = await tables.Datasets.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            entity.ETag = updated.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new RegistryConcurrencyException(dataset.Id.Value);
        }

        dataset.ClearDomainEvents();
        await RefreshIndexAsync(entity, record.PersistedStatus, cancellationToken).ConfigureAwait(false);
        var saved = new DatasetRecord(dataset, entity.ETag, entity.Version, dataset.Status, pending);
        return await FlushOutboxAsync(saved, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseClaimsAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        if (!DatasetStateMachine.IsActive(dataset.Status))
        {
            await ReleaseClaimAsync(SlotKey(dataset.ClientId, dataset.Stage, dataset.Type), dataset.Id.Value, cancellationToken).ConfigureAwait(false);
        }

        if (!DatasetStateMachine.HoldsConnectorName(dataset.Status))
        {
            await ReleaseClaimAsync(ConnectorKey(dataset.ConnectorName), dataset.Id.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task ReclaimAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var id = dataset.Id.Value;
        var name = ConnectorKey(dataset.ConnectorName);
        await ClaimAsync(name, id, cancellationToken).ConfigureAwait(false);
        await ClaimAsync(SlotKey(dataset.ClientId, dataset.Stage, dataset.Type), id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DatasetId?> FindSlotHolderAsync(ClientId clientId, Stage stage, DatasetType type, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var claim = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(SlotKey(clientId, stage, type), SingleRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return claim.HasValue && claim.Value!.GetString(ClaimHolder) is { } holder ? DatasetId.Create(holder) : null;
    }

    /// <inheritdoc />
    public async Task<DatasetId?> FindConnectorNameHolderAsync(ConnectorName connectorName, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var claim = await tables.Claims.GetEntityIfExistsAsync<TableEntity>(ConnectorKey(connectorName), SingleRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return claim.HasValue && claim.Value!.GetString(ClaimHolder) is { } holder ? DatasetId.Create(holder) : null;
    }

    private static DatasetRecord ToRecord(DatasetEntity entity)
    {
        var snapshot = DatasetEntityMapper.ToSnapshot(entity);
        return new DatasetRecord(Dataset.Restore(snapshot), entity.ETag, entity.Version, snapshot.Status, DeserializeOutbox(entity.PendingEvents));
    }

    private async Task<DatasetRecord> FlushOutboxAsync(DatasetRecord record, DatasetEntity entity, CancellationToken cancellationToken)
    {
        if (record.PendingEvents.Count == 0)
        {
            return record;
        }

        await publisher.PublishAsync(record.PendingEvents, cancellationToken).ConfigureAwait(false);
        entity.PendingEvents = null;
        try
        {
            var cleared = await tables.Datasets.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new DatasetRecord(record.Dataset, cleared.Headers.ETag ?? default, record.Version, record.PersistedStatus, []);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone saved in between; they carry our (already published, idempotent) events and clear them.
            return new DatasetRecord(record.Dataset, record.ETag, record.Version, record.PersistedStatus, []);
        }
    }

    private static List<OutboxEvent> ToOutbox(IReadOnlyList<IDomainEvent> events) => [.. events.Select(OutboxEvent.From)];

    private static string? SerializeOutbox(List<OutboxEvent> events)
        => events.Count == 0 ? null : JsonSerializer.Serialize(events, DomainJson.Options);

    private static OutboxEvent[] DeserializeOutbox(string? json)
        => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<OutboxEvent[]>(json, DomainJson.Options) ?? [];
}
