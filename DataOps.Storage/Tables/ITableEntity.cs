using Azure;

namespace DataOps.Storage.Tables;

/// <summary>
/// The system properties every table entity has. Typed entities are classes implementing this interface with a
/// public parameterless constructor; their public read/write properties are mapped by name.
/// </summary>
public interface ITableEntity
{
    /// <summary>The partition key (entities of one partition can be changed together in a transaction).</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity (set by the service).</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag for optimistic concurrency (set by the service).</summary>
    ETag ETag { get; set; }
}
