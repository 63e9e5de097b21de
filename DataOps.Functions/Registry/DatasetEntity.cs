using Azure;
using Azure.Data.Tables;

namespace DataOps.Functions.Registry;

/// <summary>
/// A dataset as one flat Table row. The same shape serves the authoritative row in <c>Datasets</c>
/// (PartitionKey = dataset id, RowKey = "") and its copies in the <c>DatasetIndex</c> partitions.
/// Enum values are stored by their wire names so the table reads like the published API.
/// </summary>
internal sealed class DatasetEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DatasetId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string DatasetType { get; set; } = string.Empty;
    public string Stage { get; set; } = string.Empty;
    public string ClientId { get; set; } = string.Empty;
    public string ClientName { get; set; } = string.Empty;
    public string JourneyId { get; set; } = string.Empty;
    public string? TemplateId { get; set; }
    public string DataSource { get; set; } = string.Empty;
    public string ConnectorName { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ProvisioningStartedAt { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? TeardownStartedAt { get; set; }
    public DateTimeOffset? TeardownCancelledAt { get; set; }
    public DateTimeOffset? DeleteAfter { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public long RecordCount { get; set; }
    public long SizeBytes { get; set; }
    public double? QualitySchema { get; set; }
    public double? QualityCompleteness { get; set; }
    public double? QualityConnectorHealth { get; set; }
    public double? QualitySampleQueries { get; set; }
    public double? QualityOverall { get; set; }
    public string? QualityFailedChecks { get; set; }
    public bool? QualityMeetsReadyRule { get; set; }
    public DateTimeOffset? QualityCalculatedAt { get; set; }
    public string? FailureReason { get; set; }
    public string? FailedChecks { get; set; }
    public string? TeardownReason { get; set; }
    public string? ArchiveLocation { get; set; }
    public string? RevalidationReason { get; set; }
    public int Attempt { get; set; } = 1;
    public long EventSequence { get; set; }
    public bool ProvisionCompleted { get; set; }
    public DateTimeOffset? ProvisionCompletedAt { get; set; }

    /// <summary>Bumped on every save of the authoritative row; index copies carry the version they were made from.</summary>
    public long Version { get; set; }

    /// <summary>Domain events raised by the last save and not yet published (transactional outbox; authoritative row only).</summary>
    public string? PendingEvents { get; set; }

    /// <summary>A shallow copy (all members are immutable values).</summary>
    public DatasetEntity Clone() => (DatasetEntity)MemberwiseClone();
}
