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
        LoadedUpdatedAt = dataset.UpdatedAt;
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

    /// <summary>The aggregate's last-change time as loaded; differs from <c>Dataset.UpdatedAt</c> once it changed in memory.</summary>
    public DateTimeOffset LoadedUpdatedAt { get; }
}
