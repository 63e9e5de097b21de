using DataOps.Domain.Datasets;

namespace DataOps.Domain.Events;

/// <summary>
/// A scheduled sync pushed a changed pilot export to a dataset's connector: a new staged copy, a new bulk upload. Syncs
/// that found the export unchanged, and production probes, send nothing to Glean and are kept on the connector (its last
/// sync) and in its metrics, not in the audit log.
/// </summary>
/// <param name="EventId">Deterministic event id: one per dataset, attempt and sync revision.</param>
/// <param name="OccurredAt">When the push finished.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="ConnectorName">Its connector.</param>
/// <param name="Attempt">The dataset's provisioning attempt.</param>
/// <param name="Revision">The attempt's sync revision (1 for the first re-push after population).</param>
/// <param name="RecordCount">Records pushed.</param>
/// <param name="Fingerprint">SHA-256 of the pushed records as staged (hex).</param>
/// <param name="UploadId">The bulk upload that carried them.</param>
public sealed record ConnectorSynced(
    string EventId,
    DateTimeOffset OccurredAt,
    DatasetId DatasetId,
    string ConnectorName,
    int Attempt,
    int Revision,
    long RecordCount,
    string Fingerprint,
    string UploadId) : DomainEvent(EventId, OccurredAt)
{
    /// <summary>The event, with its id derived from the dataset, attempt and revision.</summary>
    public static ConnectorSynced Create(DatasetId datasetId, string connectorName, int attempt, int revision, long recordCount, string fingerprint, string uploadId, DateTimeOffset now)
        => new(
            DomainEventIds.FromName($"{nameof(ConnectorSynced)}\n{datasetId.Value}\n{connectorName}\n{attempt}\n{revision}"),
            now,
            datasetId,
            connectorName,
            attempt,
            revision,
            recordCount,
            fingerprint,
            uploadId);
}
