namespace DataOps.Functions.Watch;

/// <summary>Sweep READY datasets for unhealthy connectors, in batches.</summary>
internal sealed record HealthSweepInput(int BatchSize);
