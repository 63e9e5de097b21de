using System.Text.Json;

namespace DataOps.Functions.Operations.Queries;

/// <summary>One audited domain event of a dataset.</summary>
/// <param name="EventId">Event id.</param>
/// <param name="EventType">Event type name.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Data">The event's payload as JSON.</param>
public sealed record TimelineEvent(string EventId, string EventType, DateTimeOffset OccurredAt, JsonElement? Data);
