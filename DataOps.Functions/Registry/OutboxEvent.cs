namespace DataOps.Functions.Registry;

/// <summary>A domain event serialized for publication: kept in the dataset row until published (transactional outbox).</summary>
/// <param name="EventId">Deterministic event id; publication is idempotent on it.</param>
/// <param name="EventType">Event type name, e.g. <c>DatasetReady</c>.</param>
/// <param name="StreamId">The dataset (or journey) the event belongs to; the audit log's partition.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Payload">The event as JSON in the published language.</param>
public sealed record OutboxEvent(string EventId, string EventType, string StreamId, DateTimeOffset OccurredAt, string Payload);
