using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Events;

/// <summary>A dataset was registered (or a failed one retried) and its provisioning began.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="OccurredAt">When provisioning started (<c>started_at</c>).</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="ClientId">Its client.</param>
/// <param name="TemplateId">The template its records come from; null when none (pilot, production).</param>
/// <param name="Stage">Its stage.</param>
/// <param name="DatasetType">Its type.</param>
/// <param name="ConnectorName">The connector being created for it.</param>
/// <param name="Attempt">1 for the first provisioning, 2 and up for retries.</param>
public sealed record DatasetProvisioningStarted(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    JourneyId JourneyId,
    ClientId ClientId,
    TemplateId? TemplateId,
    Stage Stage,
    DatasetType DatasetType,
    ConnectorName ConnectorName,
    int Attempt) : DomainEvent(EventId, OccurredAt);
