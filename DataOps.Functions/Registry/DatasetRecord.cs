using Azure;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>A dataset as loaded from the registry, with what optimistic concurrency and index maintenance need.</summary>
public sealed class DatasetRecord
{
    internal DatasetRecord(Dataset dataset, ETag etag, long version, DatasetStatus persistedStatus, IReadOnlyList<OutboxEvent> pendingEvents)
    {
        Dataset = dataset;
        ETag = etag;
        Version = version;
        PersistedStatus = persistedStatus;
        PendingEvents = pendingEvents;
        Loaded = dataset.ToSnapshot();
    }

    /// <summary>The aggregate; change it through its methods, then <see cref="IDatasetRegistry.SaveAsync"/>.</summary>
    public Dataset Dataset { get; }

    /// <summary>ETag of the stored row; a save succeeds only if the row is unchanged since.</summary>
    public ETag ETag { get; }

    /// <summary>Save counter of the stored row.</summary>
    public long Version { get; }

    /// <summary>Status as stored (the aggregate may have moved on in memory).</summary>
    public DatasetStatus PersistedStatus { get; }

    /// <summary>Events saved but not yet published.</summary>
    internal IReadOnlyList<OutboxEvent> PendingEvents { get; }

    /// <summary>The state as loaded: a change in memory shows as a difference from it.</summary>
    public DatasetSnapshot Loaded { get; }

    /// <summary>Whether the aggregate changed since it was loaded.</summary>
    public bool HasChanges => Dataset.DomainEvents.Count > 0 || Dataset.ToSnapshot() != Loaded;
}
