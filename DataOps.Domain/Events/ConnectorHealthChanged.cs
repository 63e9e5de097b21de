using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>A dataset's connector changed status (healthy, unhealthy, paused, disconnected, retired).</summary>
/// <param name="EventId">Deterministic event id: from the dataset, connector, both statuses and the time of the change.</param>
/// <param name="OccurredAt">When it changed.</param>
/// <param name="DatasetId">The dataset it serves.</param>
/// <param name="ConnectorName">Its name.</param>
/// <param name="FromStatus">The status it had.</param>
/// <param name="ToStatus">The status it has.</param>
/// <param name="Details">What the health check found, when a check changed it.</param>
public sealed record ConnectorHealthChanged(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    string ConnectorName,
    string FromStatus,
    string ToStatus,
    string? Details) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The event, with its id derived from what changed and when.</summary>
    public static ConnectorHealthChanged Create(DatasetId datasetId, string connectorName, string fromStatus, string toStatus, string? details, DateTimeOffset now)
        => new(
            DomainEventIds.FromName($"{nameof(ConnectorHealthChanged)}\n{datasetId.Value}\n{connectorName}\n{fromStatus}\n{toStatus}\n{now.UtcTicks}"),
            now,
            datasetId,
            connectorName,
            fromStatus,
            toStatus,
            details);
}
