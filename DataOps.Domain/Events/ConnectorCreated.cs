using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>A dataset's Glean connector (datasource) was created, or found already created, for a provisioning attempt.</summary>
/// <param name="EventId">Deterministic event id: one per dataset, connector and attempt.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="DatasetId">The dataset it serves.</param>
/// <param name="ConnectorName">Its name.</param>
/// <param name="Datasource">The Glean datasource.</param>
/// <param name="Attempt">The dataset's provisioning attempt.</param>
public sealed record ConnectorCreated(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    string ConnectorName,
    string Datasource,
    int Attempt) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The event, with its id derived from the dataset, connector and attempt.</summary>
    public static ConnectorCreated Create(DatasetId datasetId, string connectorName, string datasource, int attempt, DateTimeOffset now)
        => new(DomainEventIds.FromName($"{nameof(ConnectorCreated)}\n{datasetId.Value}\n{connectorName}\n{attempt}"), now, datasetId, connectorName, datasource, attempt);
}
