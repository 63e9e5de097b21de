using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>The dataset passed every quality check and is ready for use.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it became ready (<c>ready_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="QualityScore">The overall quality score, 0-100.</param>
public sealed record DatasetReady(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    double QualityScore) : DomainEvent(EventId, OccurredAt);
