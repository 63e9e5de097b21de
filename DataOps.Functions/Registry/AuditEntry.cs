namespace DataOps.Functions.Registry;

/// <summary>One audited domain event.</summary>
/// <param name="EventId">Event id.</param>
/// <param name="EventType">Event type name.</param>
/// <param name="StreamId">Dataset (or journey) id.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Payload">The event JSON.</param>
public sealed record AuditEntry(string EventId, string EventType, string StreamId, DateTimeOffset OccurredAt, string Payload);
