using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>A teardown was cancelled in its grace period: the dataset goes back to validation.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Reason">Why the teardown was cancelled.</param>
public sealed record DatasetTeardownCancelled(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    string Reason) : DomainEvent(EventId, OccurredAt);
