namespace DataOps.Glean.Model;

/// <summary>A paused connector: Glean has no pause, so pausing is "stop pushing", recorded by the registry.</summary>
public sealed record ConnectorPause(string ConnectorName, string DatasourceName, DateTimeOffset PausedAt);
