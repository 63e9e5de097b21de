using System.Text.Json;
using DataOps.Domain.Events;
using DataOps.Functions.Serialization;

namespace DataOps.Functions.Registry;

/// <summary>A domain event serialized for publication: kept in the dataset row until published (transactional outbox).</summary>
/// <param name="EventId">Deterministic event id; publication is idempotent on it.</param>
/// <param name="EventType">Event type name, e.g. <c>DatasetReady</c>.</param>
/// <param name="StreamId">The dataset (or journey) the event belongs to; the audit log's partition.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Payload">The event as JSON in the published language.</param>
/// <param name="KeyedById">
/// Whether the audit log keys it by its id alone: for an event whose time is not part of its identity (a retried step,
/// or another host, raises it again at another time), so that every raising lands on the same row.
/// </param>
public sealed record OutboxEvent(string EventId, string EventType, string StreamId, DateTimeOffset OccurredAt, string Payload, bool KeyedById = false)
{
    /// <summary>
    /// The outbox entry of <paramref name="domainEvent"/>: its stream is the dataset it concerns, the journey for a
    /// provisioning request, <c>template:{id}</c> for a template's events.
    /// </summary>
    public static OutboxEvent From(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new(
            domainEvent.EventId,
            domainEvent.EventType,
            StreamOf(domainEvent),
            domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), DomainJson.Options),
            KeyedById: domainEvent is ConnectorCreated or ConnectorSynced or DatasetTemplateRegistered or DatasetTemplateModified);
    }

    private static string StreamOf(IDomainEvent e) => e switch
    {
        DatasetProvisionRequested r => r.JourneyId.Value,
        DatasetTemplateRegistered t => TemplateStream(t.TemplateId),
        DatasetTemplateModified t => TemplateStream(t.TemplateId),
        _ => e.GetType().GetProperty("DatasetId")?.GetValue(e)?.ToString() ?? e.EventId,
    };

    /// <summary>The audit stream of a template's events.</summary>
    public static string TemplateStream(string templateId) => "template:" + templateId;
}
