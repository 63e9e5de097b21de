namespace DataOps.Domain.Events;

/// <summary>A fact the DataOps context publishes (DDD-003 published language).</summary>
public interface IDomainEvent
{
    /// <summary>Deterministic id: the same transition replayed yields the same id, so consumers can drop duplicates.</summary>
    string EventId { get; }

    /// <summary>When the fact happened (the time handed to the domain, never read from a clock).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The event's name, e.g. <c>DatasetReady</c>.</summary>
    string EventType { get; }
}
