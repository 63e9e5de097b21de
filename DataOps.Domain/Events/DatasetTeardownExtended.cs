using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>A teardown's grace period was extended: the connector is deleted later.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it was extended.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="DeleteAfter">The new end of the grace period.</param>
/// <param name="Reason">Why it was extended.</param>
public sealed record DatasetTeardownExtended(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    DateTimeOffset DeleteAfter,
    string Reason) : DomainEvent(EventId, OccurredAt);
