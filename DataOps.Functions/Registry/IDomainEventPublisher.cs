namespace DataOps.Functions.Registry;

/// <summary>Publishes domain events to the audit log and the <c>dataset-events</c> queue.</summary>
public interface IDomainEventPublisher
{
    /// <summary>
    /// Publishes the events in order. Idempotent per event id: the audit log holds each event exactly once, and the
    /// queue receives it at least once (consumers de-duplicate by <c>eventId</c>).
    /// </summary>
    Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default);
}
