namespace DataOps.Durable.Client;

/// <summary>Options of a new orchestration instance.</summary>
/// <param name="InstanceId">The instance id (default: a new GUID without dashes).</param>
/// <param name="StartAt">Start no earlier than this time (default: now).</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
