namespace DataOps.Functions.Watch;

/// <summary>Sync the connectors whose sync is due, <paramref name="BatchSize"/> at a time.</summary>
internal sealed record ConnectorSyncInput(int BatchSize);
