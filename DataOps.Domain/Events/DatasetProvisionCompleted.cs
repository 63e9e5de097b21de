using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>Provisioning finished: the dataset reached READY for the first time since provisioning started.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it completed (<c>completed_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="QualityScore">The overall quality score, 0-100.</param>
/// <param name="RecordCount">Records populated.</param>
/// <param name="ConnectorName">The connector holding the records (the connector's identity).</param>
/// <param name="DurationMinutes">Whole minutes from provisioning start to completion.</param>
public sealed record DatasetProvisionCompleted(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    double QualityScore,
    long RecordCount,
    ConnectorName ConnectorName,
    int DurationMinutes) : DomainEvent(EventId, OccurredAt);
