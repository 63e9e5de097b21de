using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>
/// A dataset moved into VALIDATING: its connector was filled (provisioning), or its connector turned unhealthy and it is
/// validated again (a READY dataset). A cancelled teardown's move back is <see cref="DatasetTeardownCancelled"/>.
/// </summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When it moved.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="FromStatus">The status it left (wire name).</param>
/// <param name="Reason">Why it is validated.</param>
public sealed record DatasetValidationStarted(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    string FromStatus,
    string Reason) : DomainEvent(EventId, OccurredAt);
