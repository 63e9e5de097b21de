using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Datasets;

/// <summary>
/// The persisted state of a <see cref="Dataset"/>: what the registry stores and <see cref="Dataset.Restore"/>
/// loads, without reflection. Pending domain events are not part of it.
/// </summary>
public sealed record DatasetSnapshot
{
    private readonly ValueList<QualityCheckType> _failedChecks = ValueList<QualityCheckType>.Empty;

    /// <summary>Dataset id.</summary>
    public required DatasetId Id { get; init; }

    /// <summary>Dataset name.</summary>
    public required DatasetName Name { get; init; }

    /// <summary>Dataset type.</summary>
    public required DatasetType Type { get; init; }

    /// <summary>Stage.</summary>
    public required Stage Stage { get; init; }

    /// <summary>Client id.</summary>
    public required ClientId ClientId { get; init; }

    /// <summary>Client name.</summary>
    public required ClientName ClientName { get; init; }

    /// <summary>Journey id.</summary>
    public required JourneyId JourneyId { get; init; }

    /// <summary>Template id; null when the stage uses none.</summary>
    public TemplateId? TemplateId { get; init; }

    /// <summary>Data source.</summary>
    public required DataSource DataSource { get; init; }

    /// <summary>Connector name.</summary>
    public required ConnectorName ConnectorName { get; init; }

    /// <summary>Lifecycle status.</summary>
    public required DatasetStatus Status { get; init; }

    /// <summary>Registration time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time of the last change.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Start of the current provisioning attempt.</summary>
    public required DateTimeOffset ProvisioningStartedAt { get; init; }

    /// <summary>When it last became READY.</summary>
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>When it failed (current failure only).</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>When teardown started.</summary>
    public DateTimeOffset? TeardownStartedAt { get; init; }

    /// <summary>When a teardown of it was last cancelled.</summary>
    public DateTimeOffset? TeardownCancelledAt { get; init; }

    /// <summary>When the teardown's grace period ends and the connector is deleted; null until the connector is disconnected.</summary>
    public DateTimeOffset? DeleteAfter { get; init; }

    /// <summary>When it was archived.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Records populated.</summary>
    public long RecordCount { get; init; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; init; }

    /// <summary>Latest quality score.</summary>
    public QualityScore? QualityScore { get; init; }

    /// <summary>Why it failed (current failure only).</summary>
    public string? FailureReason { get; init; }

    /// <summary>Checks that failed (current failure only); compared by content.</summary>
    public IReadOnlyList<QualityCheckType> FailedChecks
    {
        get => _failedChecks;
        init => _failedChecks = ValueList<QualityCheckType>.From(value);
    }

    /// <summary>Why it is being torn down.</summary>
    public TeardownReason? TeardownReason { get; init; }

    /// <summary>Where it was archived.</summary>
    public string? ArchiveLocation { get; init; }

    /// <summary>Why a READY dataset went back to validating.</summary>
    public string? RevalidationReason { get; init; }

    /// <summary>Provisioning attempt, 1-based.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Number of domain events raised so far; seeds deterministic event ids.</summary>
    public long EventSequence { get; init; }

    /// <summary>Whether the current provisioning attempt already reached READY.</summary>
    public bool ProvisionCompleted { get; init; }

    /// <summary>When the current provisioning attempt first reached READY; null until it has.</summary>
    public DateTimeOffset? ProvisionCompletedAt { get; init; }

    /// <summary>How long the current provisioning attempt took to reach READY; null until it has.</summary>
    public TimeSpan? ProvisioningDuration => ProvisionCompletedAt - ProvisioningStartedAt;
}
