using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>
/// The dataset registry on Table storage. Every write is idempotent or guarded by an ETag, because the activities
/// that call it run at least once.
/// </summary>
public interface IDatasetRegistry
{
    /// <summary>Loads a dataset; null when unknown. Publishes any events a crashed save left in its outbox.</summary>
    Task<DatasetRecord?> GetAsync(DatasetId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a new dataset: claims its client/stage/type slot and its connector name with insert-if-absent rows,
    /// stores it and publishes its events. Registering the same dataset id again returns the stored one.
    /// </summary>
    /// <exception cref="DatasetClaimConflictException">Another dataset holds the slot or the connector name.</exception>
    Task<DatasetRecord> RegisterAsync(Dataset dataset, CancellationToken cancellationToken = default);

    /// <summary>Saves a changed dataset if nobody changed it since it was loaded, then publishes its events.</summary>
    /// <exception cref="RegistryConcurrencyException">The stored row changed since <paramref name="record"/> was loaded.</exception>
    Task<DatasetRecord> SaveAsync(DatasetRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frees the claims the dataset's status no longer holds (the domain's rule: <see cref="DatasetStateMachine.IsActive"/>
    /// for the slot, <see cref="DatasetStateMachine.HoldsConnectorName"/> for the name): a FAILED dataset gives up its
    /// slot and keeps its connector name; an ARCHIVED one gives up both. Idempotent; never frees another dataset's claim.
    /// </summary>
    Task ReleaseClaimsAsync(Dataset dataset, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the dataset's slot and connector-name claims again (a retry, or a cancelled teardown of a FAILED dataset).
    /// Holding them already counts as success.
    /// </summary>
    /// <exception cref="DatasetClaimConflictException">Another dataset holds the slot or the name.</exception>
    Task ReclaimAsync(Dataset dataset, CancellationToken cancellationToken = default);

    /// <summary>The dataset holding the client/stage/type slot, if any.</summary>
    Task<DatasetId?> FindSlotHolderAsync(ClientId clientId, Stage stage, DatasetType type, CancellationToken cancellationToken = default);

    /// <summary>The dataset holding the connector name, if any (a FAILED dataset keeps its name until archived).</summary>
    Task<DatasetId?> FindConnectorNameHolderAsync(ConnectorName connectorName, CancellationToken cancellationToken = default);

    /// <summary>A page of datasets matching the query.</summary>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not one this registry issued.</exception>
    Task<DatasetPage> ListAsync(DatasetQuery query, CancellationToken cancellationToken = default);
}
