namespace DataOps.Domain.Events;

/// <summary>Base of the domain event records: id, time and a type name taken from the record's type.</summary>
/// <param name="EventId">Deterministic event id (see <see cref="DomainEventIds"/>).</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record DomainEvent(string EventId, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <inheritdoc/>
    public string EventType => GetType().Name;
}
