using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>Teardown of the dataset began.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When teardown started (<c>started_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Reason">Why it is torn down.</param>
public sealed record DatasetTeardownStarted(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    TeardownReason Reason) : DomainEvent(EventId, OccurredAt);
